package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.DatasetPassContext;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.plugin.ParameterSpec;
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
 * <p>Cost: one shared inference pass over the training set per check (with every other monitor
 * that wants one), plus two native operations per layer and batch (column-wise max of |a|, then a
 * running maximum).
 */
public final class DeadNeuronsMonitor implements Monitor {

    private static final Logger log = LoggerFactory.getLogger(DeadNeuronsMonitor.class);

    /** Dead units per layer. */
    public static final Metric DEAD = new Metric("layer.dead.units", "units",
            "units whose activation is exactly 0 for every training example");
    /** Dead share per layer. */
    public static final Metric DEAD_PERCENT = new Metric("layer.dead.percent", "percent",
            "share of the layer's units that are dead");

    static final ParameterSpec EVERY_EPOCHS = ParameterSpec.integer("every-epochs", 1,
            "check at training start and after every k-th epoch").atLeast(1);
    static final ParameterSpec THRESHOLD = ParameterSpec.real("threshold", 10.0,
            "report a finding when more than this percent of a layer's units are dead").between(0, 100);

    private int everyEpochs;
    private double threshold;
    private INDArray[] maxAbs;
    private final List<Integer> reportedLayers = new ArrayList<>();

    @Override
    public String name() {
        return "dead-neurons";
    }

    @Override
    public String description() {
        return "units whose activation is exactly 0 for every training example, per hidden layer (seed 003)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(EVERY_EPOCHS, THRESHOLD);
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        everyEpochs = ctx.parameters().integer("every-epochs");
        threshold = ctx.parameters().real("threshold");
        maxAbs = new INDArray[ctx.network().hiddenLayers().size()];
    }

    @Override
    public Sampling sampling() {
        return Sampling.none().withDatasetPass(everyEpochs);
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
        for (int l = 0; l < maxAbs.length; l++) {
            List<Integer> dead = deadUnits(maxAbs[l]);
            long units = hidden.get(l).units();
            double percent = 100.0 * dead.size() / units;
            totalDead += dead.size();
            ctx.record(DEAD, l, dead.size());
            ctx.record(DEAD_PERCENT, l, percent);
            summary.append(String.format(Locale.ROOT, "%n  %-9s %4d of %4d dead (%.1f%%)", hidden.get(l).name(), dead.size(),
                    units, percent));
            if (percent > threshold && !reportedLayers.contains(l)) {
                reportedLayers.add(l);
                ctx.finding(Pathology.DEAD_UNITS, percent >= 50 ? Severity.CRITICAL : Severity.WARNING)
                        .layer(l)
                        .summary(String.format(Locale.ROOT, "%.0f%% of %s's units are dead: they output 0 for every "
                                + "training example and get no gradient.", percent, hidden.get(l).name()))
                        .evidence(String.format(Locale.ROOT, "%d of %d units dead over %d training examples (%s)",
                                dead.size(), units, ctx.examplesSeen(), when(ctx)))
                        .evidence("dead units: " + preview(dead))
                        .prescription("Use leaky-relu or swish instead of relu, initialize with he-normal, lower the "
                                + "learning rate, or add batchnorm before the activation.")
                        .report();
            }
        }
        if (totalDead == 0) {
            log.info("dead units ({}): none in {} hidden layers", when(ctx), maxAbs.length);
        } else {
            log.info("dead units ({}):{}", when(ctx), summary);
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
