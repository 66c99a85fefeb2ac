package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.BackwardContext;
import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.EpochContext;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.api.monitor.Scale;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Per-layer L2 norm of the weight gradient (of the mean batch loss) every N iterations, and the
 * ratio of the first hidden layer's norm to the last hidden layer's: seed 000's vanishing
 * gradient in one number. At the end of every epoch, the mean of each layer's sampled norms
 * within the epoch and the ratio of those means: the trend over training (seed 004).
 *
 * <h2>Findings</h2>
 * <ul>
 *   <li>During the run's first epoch, each sampled ratio is checked: vanishing gradients when it
 *       falls below {@code vanishing-ratio}, exploding ones when it rises above
 *       {@code exploding-ratio} (problems of the initialization).</li>
 *   <li>From then on, the epoch ratio is checked at each epoch end: a ratio that was inside the
 *       band in the first epoch and leaves it later is reported as developing during training,
 *       with the trend as evidence (a single noisy batch does not raise it).</li>
 *   <li>Critical, at any sample: no gradient reaches any layer at all.</li>
 * </ul>
 * Each pathology is reported once per run. Cost: one batched norm computation (sums of squares
 * over the shared host copy of each layer's raw gradient, no native op) on sampled iterations.
 */
public final class GradientNormsMonitor implements Monitor {

    private static final Logger log = LoggerFactory.getLogger(GradientNormsMonitor.class);

    /** Per-layer gradient norm. */
    public static final Metric NORM = Metric.layer("layer.gradient.norm", "l2",
            "L2 norm of the weight gradient of the mean loss").drawn(Drawing.of(Chart.LAYER_LINES).in(Sections.GRADIENTS)
            .titled("Weight-gradient norm per layer").axis("L2 norm of dL/dW").scale(Scale.LOG).inComparisons()
            .guide("One line per layer, from the input (dark) to the output (light): lines far apart mean gradients "
                    + "shrink or grow from layer to layer."));
    /** First-to-last hidden layer ratio. */
    public static final Metric RATIO = Metric.network("gradient.norm.ratio", "ratio",
            "gradient norm of the first hidden layer divided by that of the last hidden layer")
            .drawn(Drawing.of(Chart.LINE).in(Sections.GRADIENTS).titled("Gradient-norm ratio, first / last hidden layer")
                    .labelled("first / last hidden layer").axis("ratio").scale(Scale.LOG).reference(1).inComparisons()
                    .guide("Far below 1: gradients vanish before they reach the first layer; far above 1: they explode."));
    /** Per-layer mean of the sampled norms of one epoch. */
    public static final Metric NORM_EPOCH_MEAN = Metric.layer("layer.gradient.norm.epoch.mean", "l2",
            "mean of the layer's sampled gradient norms within the epoch, recorded at the epoch's end").drawn(Drawing.NONE);
    /** First-to-last hidden layer ratio of the epoch means. */
    public static final Metric RATIO_EPOCH = Metric.network("gradient.norm.ratio.epoch", "ratio",
            "epoch mean gradient norm of the first hidden layer divided by that of the last hidden layer")
            .drawn(Drawing.NONE);

    static final SamplingParameters SAMPLING = SamplingParameters.iterations(10, 0, View.GRADIENTS);
    static final ParameterSpec VANISHING = ParameterSpec.real("vanishing-ratio", 0.03,
            "report vanishing gradients when first/last falls below this").greaterThan(0);
    static final ParameterSpec EXPLODING = ParameterSpec.real("exploding-ratio", 1e2,
            "report exploding gradients when first/last rises above this").greaterThan(0);

    private double vanishing;
    private double exploding;
    private boolean reportedVanishing;
    private boolean reportedExploding;
    private boolean reportedZero;
    private int firstEpoch = -1;
    private double[] epochSums;
    private int epochSamples;
    private final List<String> epochRatios = new ArrayList<>();
    private double baselineRatio = Double.NaN;

    @Override
    public String name() {
        return "gradient-norms";
    }

    @Override
    public String description() {
        return "per-layer L2 norm of weight gradients, the first/last hidden-layer ratio and their epoch trend "
                + "(vanishing, exploding)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SAMPLING.plus(VANISHING, EXPLODING);
    }

    @Override
    public Sampling sampling(Parameters params) {
        return SAMPLING.sampling(params);
    }

    @Override
    public List<Metric> metrics() {
        return List.of(NORM, RATIO, NORM_EPOCH_MEAN, RATIO_EPOCH);
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
        vanishing = ctx.parameters().real("vanishing-ratio");
        exploding = ctx.parameters().real("exploding-ratio");
        epochSums = new double[ctx.network().size()];
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
            epochSums[i] += norms[i];
        }
        epochSamples++;
        if (firstEpoch < 0) {
            firstEpoch = ctx.epoch();
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
        if (reportNoGradient(ctx, norms)) {
            return;
        }
        if (hidden < 2 || Double.isNaN(ratio) || Double.isInfinite(ratio) || ctx.epoch() != firstEpoch) {
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
                    .prescription(Phrases.initFor(firstActivation(ctx)))
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

    /** Reports (once) that every gradient is exactly zero; returns whether they all are. */
    private boolean reportNoGradient(BackwardContext ctx, double[] norms) {
        for (double n : norms) {
            if (n != 0.0) {
                return false;
            }
        }
        if (!reportedZero) {
            reportedZero = true;
            ctx.finding(Pathology.VANISHING_GRADIENTS, Severity.CRITICAL)
                    .summary("No gradient reaches any layer: every weight gradient is exactly zero, so nothing can learn.")
                    .evidence(String.format(Locale.ROOT, "all %d layers have gradient norm 0 at iteration %d", norms.length,
                            ctx.iteration()))
                    .evidence("the output layer is saturated or every unit is dead")
                    .prescription(Phrases.initFor(firstActivation(ctx)))
                    .report();
        }
        return true;
    }

    @Override
    public void onEpochEnd(EpochContext ctx) {
        if (epochSamples == 0) {
            return;
        }
        double[] means = new double[epochSums.length];
        for (int i = 0; i < means.length; i++) {
            means[i] = epochSums[i] / epochSamples;
            ctx.record(NORM_EPOCH_MEAN, i, means[i]);
        }
        int samples = epochSamples;
        Arrays.fill(epochSums, 0);
        epochSamples = 0;
        int hidden = ctx.network().hiddenLayers().size();
        if (hidden < 1) {
            return;
        }
        double ratio = means[0] / means[hidden - 1];
        ctx.record(RATIO_EPOCH, ratio);
        epochRatios.add(String.format(Locale.ROOT, "epoch %d: %.2e", ctx.epoch(), ratio));
        if (hidden < 2 || !Double.isFinite(ratio)) {
            return;
        }
        if (Double.isNaN(baselineRatio)) {
            baselineRatio = ratio;
        } else if (baselineRatio >= vanishing && baselineRatio <= exploding) {
            List<LayerInfo> layers = ctx.network().layers();
            String trend = String.format(Locale.ROOT, "first/last hidden ratio of the epoch means (%d samples this "
                    + "epoch): %s", samples, String.join(", ", epochRatios));
            String means0 = String.format(Locale.ROOT, "epoch %d means: %s %.3e, %s %.3e", ctx.epoch(),
                    layers.get(0).name(), means[0], layers.get(hidden - 1).name(), means[hidden - 1]);
            reportTrend(ctx, ratio, trend, means0);
        }
    }

    /** A ratio that was inside the band in the first epoch and has left it: reported once per direction. */
    private void reportTrend(EpochContext ctx, double ratio, String trend, String means) {
        if (ratio < vanishing && !reportedVanishing) {
            reportedVanishing = true;
            ctx.finding(Pathology.VANISHING_GRADIENTS, Severity.WARNING)
                    .layer(0)
                    .summary(String.format(Locale.ROOT, "Gradients started to vanish during training: by epoch %d the "
                            + "first layer gets %.1e of the last hidden layer's gradient, down from %.1e in the first "
                            + "epoch.", ctx.epoch(), ratio, baselineRatio))
                    .evidence(trend)
                    .evidence(means)
                    .evidence(String.format(Locale.ROOT, "threshold: vanishing-ratio %.1e", vanishing))
                    .prescription("Units saturate or die as training goes: lower the learning rate, add batchnorm "
                            + "before the activation, or use a non-saturating activation (relu, leaky-relu) with "
                            + "he-normal initialization.")
                    .report();
        } else if (ratio > exploding && !reportedExploding) {
            reportedExploding = true;
            ctx.finding(Pathology.EXPLODING_GRADIENTS, Severity.WARNING)
                    .layer(0)
                    .summary(String.format(Locale.ROOT, "Gradients started to explode during training: by epoch %d the "
                            + "first layer gets %.1e times the last hidden layer's gradient, up from %.1e in the first "
                            + "epoch.", ctx.epoch(), ratio, baselineRatio))
                    .evidence(trend)
                    .evidence(means)
                    .evidence(String.format(Locale.ROOT, "threshold: exploding-ratio %.1e", exploding))
                    .prescription("Lower the learning rate or let a schedule decay it (step or cosine), or add "
                            + "batchnorm before the activation.")
                    .report();
        }
    }

    private static String firstActivation(BackwardContext ctx) {
        return ctx.network().hiddenLayers().isEmpty() ? "" : ctx.network().layers().get(0).activation();
    }
}
