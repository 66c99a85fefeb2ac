package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.BackwardContext;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterException;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-layer L2 norm of the weight gradient (of the mean batch loss) every N iterations, and the
 * ratio of the first hidden layer's norm to the last hidden layer's: seed 000's vanishing
 * gradient in one number. Reports vanishing gradients when the ratio falls below
 * {@code vanishing-ratio}, exploding ones when it rises above {@code exploding-ratio}, and a
 * critical finding when no gradient reaches the network at all.
 *
 * <p>Cost: one batched norm computation (one native reduction per layer, one host copy) on
 * sampled iterations; nothing otherwise.
 */
public final class GradientNormsMonitor implements Monitor {

    private static final Logger log = LoggerFactory.getLogger(GradientNormsMonitor.class);

    /** Per-layer gradient norm. */
    public static final Metric NORM = new Metric("layer.gradient.norm", "l2", "L2 norm of the weight gradient of the mean loss");
    /** First-to-last hidden layer ratio. */
    public static final Metric RATIO = new Metric("gradient.norm.ratio", "ratio",
            "gradient norm of the first hidden layer divided by that of the last hidden layer");

    static final ParameterSpec EVERY = ParameterSpec.integer("every", 10, "sample every N iterations (iteration 0 always)")
            .atLeast(1);
    static final ParameterSpec VANISHING = ParameterSpec.real("vanishing-ratio", 0.03,
            "report vanishing gradients when first/last falls below this").greaterThan(0);
    static final ParameterSpec EXPLODING = ParameterSpec.real("exploding-ratio", 1e2,
            "report exploding gradients when first/last rises above this").greaterThan(0);

    private int every;
    private double vanishing;
    private double exploding;
    private boolean reportedVanishing;
    private boolean reportedExploding;
    private boolean reportedZero;

    @Override
    public String name() {
        return "gradient-norms";
    }

    @Override
    public String description() {
        return "per-layer L2 norm of weight gradients and the first/last hidden-layer ratio (vanishing, exploding)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(EVERY, VANISHING, EXPLODING);
    }

    @Override
    public void validate(Parameters params) {
        if (params.real("vanishing-ratio") >= params.real("exploding-ratio")) {
            throw new ParameterException("vanishing-ratio", "must be below exploding-ratio (got "
                    + params.real("vanishing-ratio") + " >= " + params.real("exploding-ratio") + ")");
        }
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        every = ctx.parameters().integer("every");
        vanishing = ctx.parameters().real("vanishing-ratio");
        exploding = ctx.parameters().real("exploding-ratio");
    }

    @Override
    public Sampling sampling() {
        return Sampling.every(every, View.GRADIENTS);
    }

    @Override
    public void onBackward(BackwardContext ctx) {
        List<LayerInfo> layers = ctx.network().layers();
        List<INDArray> raw = new ArrayList<>(layers.size());
        for (LayerInfo l : layers) {
            raw.add(ctx.rawWeightGradient(l.index()));
        }
        double[] norms = ctx.stats().norms(raw);
        double scale = ctx.gradientScale();
        for (int i = 0; i < norms.length; i++) {
            norms[i] *= scale;
            ctx.record(NORM, i, norms[i]);
        }
        int hidden = ctx.network().hiddenLayers().size();
        double ratio = hidden >= 1 ? norms[0] / norms[hidden - 1] : Double.NaN;
        if (hidden >= 1) {
            ctx.record(RATIO, ratio);
        }
        logNorms(ctx, norms, ratio);
        diagnose(ctx, norms, ratio, hidden);
    }

    private void logNorms(BackwardContext ctx, double[] norms, double ratio) {
        if (!log.isInfoEnabled() || (ctx.iteration() != 0 && !log.isDebugEnabled())) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        List<LayerInfo> layers = ctx.network().layers();
        for (int i = 0; i < norms.length; i++) {
            sb.append(String.format(Locale.ROOT, "%n  %-9s %.3e", layers.get(i).name(), norms[i]));
        }
        String text = String.format(Locale.ROOT, "gradient norms at iteration %d (%s):%s%n  first/last hidden ratio %.3e",
                ctx.iteration(), ctx.iteration() == 0 ? "initialization" : "epoch " + ctx.epoch(), sb, ratio);
        if (ctx.iteration() == 0) {
            log.info(text);
        } else {
            log.debug(text);
        }
    }

    private void diagnose(BackwardContext ctx, double[] norms, double ratio, int hidden) {
        boolean allZero = true;
        for (double n : norms) {
            allZero &= n == 0.0;
        }
        if (allZero && !reportedZero) {
            reportedZero = true;
            ctx.finding(Pathology.VANISHING_GRADIENTS, Severity.CRITICAL)
                    .summary("No gradient reaches any layer: every weight gradient is exactly zero, so nothing can learn.")
                    .evidence(String.format(Locale.ROOT, "all %d layers have gradient norm 0 at iteration %d", norms.length,
                            ctx.iteration()))
                    .evidence("the output layer is saturated or every unit is dead")
                    .prescription(prescription(ctx))
                    .report();
            return;
        }
        if (hidden < 2 || Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            return;
        }
        String evidence = String.format(Locale.ROOT, "%s gradient norm %.3e vs %s %.3e: ratio %.2e at iteration %d",
                ctx.network().layers().get(0).name(), norms[0], ctx.network().layers().get(hidden - 1).name(),
                norms[hidden - 1], ratio, ctx.iteration());
        if (ratio < vanishing && !reportedVanishing) {
            reportedVanishing = true;
            ctx.finding(Pathology.VANISHING_GRADIENTS, ratio < vanishing * 1e-4 ? Severity.CRITICAL : Severity.WARNING)
                    .layer(0)
                    .summary(String.format(Locale.ROOT, "Gradients vanish towards the input: the first layer gets %.1e "
                            + "of the last hidden layer's gradient, so it barely learns.", ratio))
                    .evidence(evidence)
                    .evidence(String.format(Locale.ROOT, "threshold: vanishing-ratio %.1e", vanishing))
                    .prescription(prescription(ctx))
                    .report();
        } else if (ratio > exploding && !reportedExploding) {
            reportedExploding = true;
            ctx.finding(Pathology.EXPLODING_GRADIENTS, Severity.WARNING)
                    .layer(0)
                    .summary(String.format(Locale.ROOT, "Gradients explode towards the input: the first layer gets %.1e "
                            + "times the last hidden layer's gradient.", ratio))
                    .evidence(evidence)
                    .evidence(String.format(Locale.ROOT, "threshold: exploding-ratio %.1e", exploding))
                    .prescription("Scale the initial weights to the layer width: xavier-normal for tanh and sigmoid, "
                            + "he-normal for relu; a lower learning rate or batchnorm also tames it.")
                    .report();
        }
    }

    private static String prescription(BackwardContext ctx) {
        String activation = ctx.network().hiddenLayers().isEmpty() ? "" : ctx.network().layers().get(0).activation();
        return switch (activation) {
            case "sigmoid" -> "Sigmoid saturates and its derivative is at most 0.25: switch to relu with he-normal, or "
                    + "keep the activation and use xavier-normal initialization; batchnorm before the activation also helps.";
            case "tanh" -> "Initialize with xavier-normal (variance 2/(fan-in + fan-out)) so activations stay out of "
                    + "tanh's flat region; batchnorm before the activation also helps.";
            case "relu" -> "Initialize with he-normal (variance 2/fan-in) so the signal keeps its scale through relu "
                    + "layers; consider leaky-relu if units die.";
            default -> "Use an initialization scaled to the layer width (xavier-normal, he-normal) and a non-saturating "
                    + "activation; batchnorm also helps.";
        };
    }
}
