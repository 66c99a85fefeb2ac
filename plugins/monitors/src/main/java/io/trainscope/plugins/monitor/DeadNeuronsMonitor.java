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
 * for every example of a full pass over the training set, at training start and after every
 * k-th epoch, as counts and percentages. A dead ReLU unit gets no gradient and never recovers. In a
 * convolution the unit is a channel: a dead channel outputs 0 at every position for every example.
 *
 * <p>A run without full passes (a network an application built and instruments: its data is its
 * own) counts over the training batches instead: those of every {@code batch-every}-th iteration
 * (iteration 0 always), and at each epoch's end the units that were 0 for every example of the
 * epoch's sampled batches are the dead ones ({@code batch-every: 1}: every training example of the
 * epoch, in training mode). A run with passes counts over the training batches only in the epochs
 * that end without a pass ({@code every-epochs} above 1) and only when {@code batch-every} is at
 * least 1: a full pass every k epochs and the training batches' own activations in between cost far
 * less than a pass after every epoch (docs/performance.md).
 *
 * <p>Findings ({@link DeadUnitFindings}): a layer with more than {@code threshold} percent dead
 * units; and, from the second check on, a layer whose dead share grew by more than {@code growth}
 * percentage points since the run's first check. Each layer is reported once.
 *
 * <p>Cost: one shared inference pass over the training set per check (with every other monitor
 * that wants one), plus two native operations per layer and batch (the maximum of |a| per unit or
 * channel, then a running maximum); in a run without passes, the same two per layer on sampled
 * training batches.
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

    static final SamplingParameters SAMPLING = SamplingParameters.datasetPass(1);
    static final ParameterSpec BATCH_EVERY = ParameterSpec.integer("batch-every", 0,
            "count over the training batches of every N-th iteration in a run without full passes (an instrumented "
                    + "network; 0: iteration 0 only), and, when every-epochs is above 1, in the epochs between passes "
                    + "(0: not)").atLeast(0);
    static final ParameterSpec THRESHOLD = ParameterSpec.real("threshold", 20.0,
            "report a finding when more than this percent of a layer's units are dead").between(0, 100);
    static final ParameterSpec GROWTH = ParameterSpec.real("growth", 10.0,
            "report units dying when a layer's dead share grows by more than this many percentage points")
            .between(0, 100);

    private UnitMaxima pass;
    private UnitMaxima batches;
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
        pass = new UnitMaxima(layers);
        batches = new UnitMaxima(layers);
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
     * iteration 0), and between passes when passes are k > 1 epochs apart and {@code batch-every} asks.
     */
    @Override
    public void onForward(ForwardContext ctx) {
        if (passes && !countsBetweenPasses()) {
            return;
        }
        for (int l = 0; l < ctx.network().hiddenLayers().size(); l++) {
            batches.add(l, ctx.activations(l));
        }
        batches.batchDone(ctx.batchSize());
    }

    @Override
    public void onEpochEnd(EpochContext ctx) {
        boolean passFollows = passes && (ctx.epoch() + 1) % Math.max(1, everyEpochs) == 0;
        if (batches.batches() > 0 && !passFollows) {
            check(ctx, batches, "in epoch " + (ctx.epoch() + 1), String.format(Locale.ROOT,
                    "over the %d training examples of %d sampled batch%s", batches.examples(), batches.batches(),
                    batches.batches() == 1 ? "" : "es"));
        }
        batches.reset();
    }

    private boolean countsBetweenPasses() {
        return everyEpochs > 1 && batchEvery > 0;
    }

    private void check(MonitorContext ctx, UnitMaxima maxima, String when, String over) {
        List<LayerInfo> hidden = ctx.network().hiddenLayers();
        StringBuilder summary = new StringBuilder();
        long totalDead = 0;
        for (int l = 0; l < hidden.size(); l++) {
            LayerInfo layer = hidden.get(l);
            List<Integer> dead = maxima.dead(l);
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
