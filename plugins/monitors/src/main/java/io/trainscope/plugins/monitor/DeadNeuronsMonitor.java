package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.DatasetPassContext;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Remedy;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.Scale;
import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingEndContext;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Dead units, as seed 003 counts them: per hidden layer, the units whose activation is exactly 0
 * for every example of a full pass over the training set, at training start and after every
 * k-th epoch, as counts and percentages. A dead ReLU unit gets no gradient and never recovers.
 *
 * <p>Findings: a layer with more than {@code threshold} percent dead units; and, from the second
 * pass on, a layer whose dead share grew by more than {@code growth} percentage points since the
 * first pass of the run (units dying during training, as in seed 003's deep relu network), with
 * the trend as evidence. Each layer is reported once.
 *
 * <p>Cost: one shared inference pass over the training set per check (with every other monitor
 * that wants one), plus two native operations per layer and batch (column-wise max of |a|, then a
 * running maximum).
 */
public final class DeadNeuronsMonitor implements Monitor {

    private static final Logger log = LoggerFactory.getLogger(DeadNeuronsMonitor.class);

    /** Dead units per layer. */
    public static final Metric DEAD = Metric.layer("layer.dead.units", "units",
            "units whose activation is exactly 0 for every training example").drawn(Drawing.NONE);
    /** Dead share per layer. */
    public static final Metric DEAD_PERCENT = Metric.layer("layer.dead.percent", "percent",
            "share of the layer's units that are dead").drawn(Drawing.of(Chart.LAYER_BARS).in(Sections.UNITS)
            .titled("Dead units per layer").labelled("dead units").axis("dead units (%)")
            .guide("Units whose activation is zero for every example: they pass no gradient and never recover "
                    + "(seed 003).").scale(Scale.LINEAR).inComparisons());

    static final SamplingParameters SAMPLING = SamplingParameters.datasetPass(1);
    static final ParameterSpec THRESHOLD = ParameterSpec.real("threshold", 20.0,
            "report a finding when more than this percent of a layer's units are dead").between(0, 100);
    static final ParameterSpec GROWTH = ParameterSpec.real("growth", 10.0,
            "report units dying when a layer's dead share grows by more than this many percentage points")
            .between(0, 100);

    private double threshold;
    private double growth;
    private double[] firstPercent;
    private String firstWhen;
    private final List<List<String>> trend = new ArrayList<>();
    private INDArray[] maxAbs;
    private final List<Integer> reportedLayers = new ArrayList<>();
    private final List<Integer> reportedDying = new ArrayList<>();

    @Override
    public String name() {
        return "dead-neurons";
    }

    @Override
    public String description() {
        return "units whose activation is exactly 0 for every training example, per hidden layer, and their growth "
                + "during training (seed 003)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SAMPLING.plus(THRESHOLD, GROWTH);
    }

    @Override
    public Sampling sampling(Parameters params) {
        return SAMPLING.sampling(params);
    }

    @Override
    public List<Metric> metrics() {
        return List.of(DEAD_PERCENT, DEAD);
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        threshold = ctx.parameters().real("threshold");
        growth = ctx.parameters().real("growth");
        maxAbs = new INDArray[ctx.network().hiddenLayers().size()];
        firstPercent = null;
        trend.clear();
        for (int l = 0; l < maxAbs.length; l++) {
            trend.add(new ArrayList<>());
        }
    }

    @Override
    public void onDatasetPassBatch(DatasetPassContext ctx) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            for (int l = 0; l < maxAbs.length; l++) {
                INDArray columnMax = ctx.activations(l).amax(0);
                if (ctx.batchIndex() == 0 || maxAbs[l] == null) {
                    if (maxAbs[l] != null) {
                        maxAbs[l].close();
                    }
                    maxAbs[l] = columnMax;
                } else {
                    Transforms.max(maxAbs[l], columnMax, false);
                    columnMax.close();
                }
            }
        }
    }

    @Override
    public void onDatasetPassEnd(DatasetPassContext ctx) {
        List<LayerInfo> hidden = ctx.network().hiddenLayers();
        StringBuilder summary = new StringBuilder();
        long totalDead = 0;
        double[] percents = new double[maxAbs.length];
        for (int l = 0; l < maxAbs.length; l++) {
            List<Integer> dead = deadUnits(maxAbs[l]);
            long units = hidden.get(l).units();
            double percent = 100.0 * dead.size() / units;
            totalDead += dead.size();
            ctx.record(DEAD, l, dead.size());
            ctx.record(DEAD_PERCENT, l, percent);
            summary.append(String.format(Locale.ROOT, "%n  %-9s %4d of %4d dead (%.1f%%)", hidden.get(l).name(), dead.size(),
                    units, percent));
            trend.get(l).add(String.format(Locale.ROOT, "%.1f%% %s", percent, when(ctx)));
            diagnose(ctx, l, dead, percent);
            percents[l] = percent;
        }
        if (firstPercent == null) {
            firstPercent = percents;
            firstWhen = when(ctx);
        }
        if (totalDead == 0) {
            log.info("dead units ({}): none in {} hidden layers", when(ctx), maxAbs.length);
        } else {
            log.info("dead units ({}):{}", when(ctx), summary);
        }
    }

    /** A layer's finding, once per layer: units dying since the first pass, else too many dead units. */
    private void diagnose(DatasetPassContext ctx, int l, List<Integer> dead, double percent) {
        LayerInfo layer = ctx.network().hiddenLayers().get(l);
        String counts = String.format(Locale.ROOT, "%d of %d units dead over %d training examples (%s)", dead.size(),
                layer.units(), ctx.examplesSeen(), when(ctx));
        Severity severity = percent >= 50 ? Severity.CRITICAL : Severity.WARNING;
        boolean dying = firstPercent != null && percent - firstPercent[l] > growth;
        if (dying && !reportedDying.contains(l)) {
            reportedDying.add(l);
            reportedLayers.add(l);
            ctx.finding(Pathology.DEAD_UNITS, severity)
                    .layer(l)
                    .summary(String.format(Locale.ROOT, "Units of %s are dying during training: %.0f%% are dead %s, "
                            + "up from %.0f%% %s; dead units output 0 for every example and never recover.",
                            layer.name(), percent, when(ctx), firstPercent[l], firstWhen))
                    .evidence(counts)
                    .evidence("trend: " + String.join(", ", trend.get(l)))
                    .evidence("dead units: " + preview(dead))
                    .evidence(String.format(Locale.ROOT, "threshold: growth of more than %.1f percentage points", growth))
                    .prescription("Large steps push relu units into the region where they never fire again: lower "
                            + "the learning rate, use {0} or {1} instead of relu, or add {2} before the activation.",
                            Remedy.activation("leaky-relu"), Remedy.activation("swish"), Remedy.normalizer("batchnorm"))
                    .report();
        } else if (percent > threshold && !reportedLayers.contains(l)) {
            reportedLayers.add(l);
            ctx.finding(Pathology.DEAD_UNITS, severity)
                    .layer(l)
                    .summary(String.format(Locale.ROOT, "%.0f%% of %s's units are dead: they output 0 for every "
                            + "training example and get no gradient.", percent, layer.name()))
                    .evidence(counts)
                    .evidence("dead units: " + preview(dead))
                    .prescription("Use {0} or {1} instead of relu, initialize with {2}, lower the learning rate, or "
                            + "add {3} before the activation.", Remedy.activation("leaky-relu"), Remedy.activation("swish"),
                            Remedy.initializer("he-normal"), Remedy.normalizer("batchnorm"))
                    .report();
        }
    }

    @Override
    public void onTrainingEnd(TrainingEndContext ctx) {
        if (maxAbs == null) {
            return;
        }
        for (int l = 0; l < maxAbs.length; l++) {
            if (maxAbs[l] != null) {
                maxAbs[l].close();
                maxAbs[l] = null;
            }
        }
    }

    private static String when(DatasetPassContext ctx) {
        return ctx.trigger() == DatasetPassContext.Trigger.TRAINING_START ? "at initialization"
                : "after epoch " + (ctx.epoch() + 1);
    }

    /** Indices of units whose max |activation| over the pass is exactly 0. */
    static List<Integer> deadUnits(INDArray maxAbs) {
        List<Integer> dead = new ArrayList<>();
        if (maxAbs == null) {
            return dead;
        }
        float[] v = maxAbs.toFloatVector();
        for (int i = 0; i < v.length; i++) {
            if (v[i] == 0f) {
                dead.add(i);
            }
        }
        return dead;
    }

    private static String preview(List<Integer> units) {
        String shown = units.stream().limit(32).map(String::valueOf).collect(Collectors.joining(", "));
        return "[" + shown + (units.size() > 32 ? ", ... (" + units.size() + " in all)" : "") + "]";
    }
}
