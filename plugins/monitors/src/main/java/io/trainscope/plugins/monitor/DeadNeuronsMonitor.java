package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.DatasetPassContext;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.EpochContext;
import io.trainscope.api.monitor.ForwardContext;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.LayerKind;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.MonitorContext;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.api.monitor.Scale;
import io.trainscope.api.monitor.TrainingEndContext;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Dead units, as seed 003 counts them: per hidden layer, the units whose activation is exactly 0
 * for every example, as counts and percentages. A dead ReLU unit gets no gradient and never
 * recovers. In a convolution the unit is a channel: a dead channel outputs 0 at every position for
 * every example.
 *
 * <h2>When it counts (the defaults)</h2>
 * A full inference pass over the training set at training start (dead at initialization, which the
 * doctor reads) and after every {@value #EVERY_EPOCHS_DEFAULT}th epoch; every other epoch is counted
 * at its end over its own training batches ({@code batch-every: 1}: every training example of the
 * epoch, in training mode, while the weights move: a unit that dies during an epoch counts from the
 * next one). A pass costs about a third of a training epoch (a forward pass over the training set),
 * the training batches almost nothing (docs/performance.md). {@code every-epochs: 1} gives a pass
 * after every epoch and no batch counting; {@code batch-every: 0} leaves the epochs between passes
 * uncounted.
 *
 * <p>A run without full passes (a network an application built and instruments: its data is its
 * own) counts over the training batches of every {@code batch-every}-th iteration (iteration 0
 * always; {@code batch-every: 0}: iteration 0 only), checked at each epoch's end.
 *
 * <p>Findings ({@link DeadUnitFindings}): a layer with more than {@code threshold} percent dead
 * units; and, from the second check on, a layer whose dead share grew by more than {@code growth}
 * percentage points since the run's first check. Each layer is reported once.
 *
 * <p>Cost: the shared inference pass (with every other monitor that wants one) plus
 * {@link SilentUnits}: no native op for float32 activations, and after a layer's first batch only
 * its still-silent units are read. The training batches cost the same reads per counted batch.
 */
public final class DeadNeuronsMonitor implements Monitor {

    private static final Logger log = LoggerFactory.getLogger(DeadNeuronsMonitor.class);

    /** Dead units per layer. */
    public static final Metric DEAD = Metric.layer("layer.dead.units", "units",
            "units (channels of a convolution) whose activation is exactly 0 for every training example")
            .drawn(Drawing.NONE);
    /** Dead share per layer. */
    public static final Metric DEAD_PERCENT = Metric.layer("layer.dead.percent", "percent",
            "share of the layer's units (channels) that are dead").drawn(Drawing.of(Chart.LAYER_BARS).in(Sections.UNITS)
            .titled("Dead units per layer").labelled("dead units").axis("dead units (%)")
            .guide("Units whose activation is zero for every example (channels: at every position): they pass no "
                    + "gradient and never recover (seed 003).").scale(Scale.LINEAR).inComparisons());

    /** Epochs between full passes by default: the epochs in between are counted over their training batches. */
    static final int EVERY_EPOCHS_DEFAULT = 20;
    static final SamplingParameters SAMPLING = SamplingParameters.datasetPass(EVERY_EPOCHS_DEFAULT);
    static final ParameterSpec BATCH_EVERY = ParameterSpec.integer("batch-every", 1,
            "count over the training batches of every N-th iteration in the epochs between full passes (0: not), and "
                    + "in a run without full passes (an instrumented network; 0: iteration 0 only)").atLeast(0);
    static final ParameterSpec THRESHOLD = ParameterSpec.real("threshold", 20.0,
            "report a finding when more than this percent of a layer's units are dead").between(0, 100);
    static final ParameterSpec GROWTH = ParameterSpec.real("growth", 10.0,
            "report units dying when a layer's dead share grows by more than this many percentage points")
            .between(0, 100);

    private SilentUnits pass;
    private SilentUnits batches;
    private boolean passes;
    private int everyEpochs;
    private int batchEvery;
    private DeadUnitFindings findings;

    @Override
    public String name() {
        return "dead-neurons";
    }

    @Override
    public String description() {
        return "units (channels) whose activation is exactly 0 for every training example, per hidden layer, and "
                + "their growth during training (seed 003)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SAMPLING.plus(BATCH_EVERY, THRESHOLD, GROWTH);
    }

    @Override
    public Sampling sampling(Parameters params) {
        return new Sampling(Set.of(View.ACTIVATIONS), params.integer(BATCH_EVERY.name()), 0, false,
                params.integer(SamplingParameters.EVERY_EPOCHS));
    }

    /** Dense layers and convolutions. */
    @Override
    public boolean reads(LayerInfo layer) {
        return layer.kind() == LayerKind.DENSE || layer.kind() == LayerKind.CONV2D;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(DEAD_PERCENT, DEAD);
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        int layers = ctx.network().hiddenLayers().size();
        everyEpochs = ctx.parameters().integer(SamplingParameters.EVERY_EPOCHS);
        batchEvery = ctx.parameters().integer(BATCH_EVERY.name());
        pass = new SilentUnits(layers);
        batches = new SilentUnits(layers);
        findings = new DeadUnitFindings(ctx.parameters().real(THRESHOLD.name()), ctx.parameters().real(GROWTH.name()),
                layers);
    }

    @Override
    public void onDatasetPassBatch(DatasetPassContext ctx) {
        passes = true;
        if (ctx.batchIndex() == 0) {
            pass.reset();
        }
        for (int l = 0; l < ctx.network().hiddenLayers().size(); l++) {
            pass.add(l, ctx.activations(l));
        }
    }

    @Override
    public void onDatasetPassEnd(DatasetPassContext ctx) {
        String when = ctx.trigger() == DatasetPassContext.Trigger.TRAINING_START ? "at initialization"
                : "after epoch " + (ctx.epoch() + 1);
        check(ctx, pass, when, String.format(Locale.ROOT, "over %d training examples", ctx.examplesSeen()));
    }

    /**
     * Training batches count in a run without full passes (which would have delivered one before
     * iteration 0), and between passes when passes are k > 1 epochs apart and {@code batch-every}
     * asks: not in an epoch a pass follows.
     */
    @Override
    public void onForward(ForwardContext ctx) {
        if (passes && (!countsBetweenPasses() || passAfter(ctx.epoch()))) {
            return;
        }
        for (int l = 0; l < ctx.network().hiddenLayers().size(); l++) {
            batches.add(l, ctx.activations(l));
        }
        batches.batchDone(ctx.batchSize());
    }

    @Override
    public void onEpochEnd(EpochContext ctx) {
        if (batches.batches() > 0 && !(passes && passAfter(ctx.epoch()))) {
            check(ctx, batches, "in epoch " + (ctx.epoch() + 1), String.format(Locale.ROOT,
                    "over the %d training examples of %d sampled batch%s", batches.examples(), batches.batches(),
                    batches.batches() == 1 ? "" : "es"));
        }
        batches.reset();
    }

    private boolean passAfter(int epoch) {
        return (epoch + 1) % Math.max(1, everyEpochs) == 0;
    }

    private boolean countsBetweenPasses() {
        return everyEpochs > 1 && batchEvery > 0;
    }

    private void check(MonitorContext ctx, SilentUnits silent, String when, String over) {
        List<LayerInfo> hidden = ctx.network().hiddenLayers();
        StringBuilder summary = new StringBuilder();
        long totalDead = 0;
        for (int l = 0; l < hidden.size(); l++) {
            LayerInfo layer = hidden.get(l);
            List<Integer> dead = silent.dead(l);
            double percent = 100.0 * dead.size() / layer.units();
            totalDead += dead.size();
            ctx.record(DEAD, l, dead.size());
            ctx.record(DEAD_PERCENT, l, percent);
            summary.append(String.format(Locale.ROOT, "%n  %-9s %4d of %4d %s dead (%.1f%%)", layer.name(), dead.size(),
                    layer.units(), Phrases.units(layer, layer.units()), percent));
            findings.layer(ctx, layer, dead, percent, when, over);
        }
        findings.checked(when);
        if (totalDead == 0) {
            log.info("dead units ({}): none in {} hidden layers", when, hidden.size());
        } else {
            log.info("dead units ({}):{}", when, summary);
        }
    }

    @Override
    public void onTrainingEnd(TrainingEndContext ctx) {
        if (pass != null) {
            pass.close();
            batches.close();
        }
    }
}
