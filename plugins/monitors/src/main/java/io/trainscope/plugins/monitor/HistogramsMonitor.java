package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.BackwardContext;
import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.ForwardContext;
import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.HostArray;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.MonitorContext;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.api.monitor.Scale;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-layer distributions of weights, pre-activations, activations, weight gradients and
 * {@code log10 |gradient|} (seed 000's three-panel figure), and, per layer, the distributions of the
 * weights and of the gradients drawn as violins and their five quantiles and mean drawn as boxes
 * (seed 004's charts across epochs).
 *
 * <h2>When</h2>
 * At iteration 0 (the initialization), at the first iteration of every {@code every-epochs}-th
 * epoch (epochs 0, k, 2k, ...), and, when {@code every} is above 0, on every {@code every}-th
 * iteration: the shared {@link SamplingParameters} with defaults {@code every: 0} and
 * {@code every-epochs: 1}. Weights are taken before that
 * iteration's update, gradients are those of the mean batch loss (PyTorch's {@code .grad}).
 *
 * <h2>What</h2>
 * Each histogram has {@code bins} equal bins from the smallest to the largest value it counts.
 * An array of at most {@code max-values} values (default 4,096: the weights and gradients of
 * seed 000's and seed 004's networks) is counted whole; a larger one through an even systematic
 * sample of at most {@code max-values} of its values (every k-th value, k a prime that divides
 * neither dimension, so that every row and column is represented; the counts then sum to the
 * sample size, not to the array's). 4,096 values put about 80 in an average one of 50 bins.
 * The log10 histogram counts the nonzero gradient entries only, as seed 000's
 * {@code np.log10(x[x > 0])}. The quantiles {@code p05, p25, p50, p75, p95} and the mean are
 * computed on the host from a histogram 64 times finer than the reported one over the same
 * values: the quantiles are exact for those values to within {@code (max - min) / (64 bins)}, 1/3200 of the range with
 * 50 bins; from a sample of 4,096 values the sampling error of p05 is about 0.03 standard
 * deviations of a normal distribution.
 *
 * <h2>Cost</h2>
 * Nothing on iterations it does not sample. On a sampled iteration: the pre-activation copy the
 * core makes for {@link View#PRE_ACTIVATIONS} (one native op per hidden layer), then, per array,
 * the counted values only: a larger array's sample is read straight from its memory
 * ({@link io.trainscope.api.monitor.Statistics#sample}, no copy of the rest), a smaller one is
 * copied whole (or shared, when another monitor already copied it); then two passes in Java over
 * them (three for log10 |gradient|). At most {@code max-values} values per array, whatever its size.
 */
public final class HistogramsMonitor implements Monitor {

    /** Weight distribution per layer. */
    public static final Metric WEIGHTS = histogram("layer.weight.histogram",
            "distribution of the layer's weights (counts per bin)", "Weights", "weight");
    /** Pre-activation distribution per layer. */
    public static final Metric PRE_ACTIVATIONS = histogram("layer.preactivation.histogram",
            "distribution of the layer's pre-activations z over the batch (counts per bin)", "Pre-activations",
            "pre-activation z");
    /** Activation distribution per layer. */
    public static final Metric ACTIVATIONS = histogram("layer.activation.histogram",
            "distribution of the layer's activations over the batch (counts per bin)", "Activations", "activation");
    /** Weight-gradient distribution per layer. */
    public static final Metric GRADIENTS = histogram("layer.gradient.histogram",
            "distribution of the weight gradient of the mean loss (counts per bin)", "Weight gradients",
            "gradient of weights");
    /** log10 |gradient| distribution per layer. */
    public static final Metric LOG_GRADIENTS = histogram("layer.gradient.log10.histogram",
            "distribution of log10 |weight gradient| over its nonzero entries (counts per bin)",
            "Weight gradients, log10 |g|", "log10(|gradient of weights|)");

    /** Weight distribution per layer over time, drawn as violins (seed 004). */
    public static final Metric WEIGHT_VIOLINS = violins("layer.weight.distribution", "weights",
            "Weights per layer over time (violins)", "weight");
    /** Weight-gradient distribution per layer over time, drawn as violins (seed 004). */
    public static final Metric GRADIENT_VIOLINS = violins("layer.gradient.distribution", "weight gradient of the mean loss",
            "Weight gradients per layer over time (violins)", "gradient of weights");

    /** The quantile levels, in percent. */
    static final int[] LEVELS = {5, 25, 50, 75, 95};
    private static final double[] QUANTILE_LEVELS = {0.05, 0.25, 0.50, 0.75, 0.95};
    /** Weight quantiles per layer, in the order of {@link #LEVELS}, then the mean. */
    public static final List<Metric> WEIGHT_QUANTILES = boxMetrics("weight", "weights", "Weights per layer over time");
    /** Gradient quantiles per layer, in the order of {@link #LEVELS}, then the mean. */
    public static final List<Metric> GRADIENT_QUANTILES = boxMetrics("gradient", "weight gradient of the mean loss",
            "Weight gradients per layer over time");

    static final SamplingParameters SAMPLING = SamplingParameters.iterations(0, 1, View.ACTIVATIONS,
            View.PRE_ACTIVATIONS, View.GRADIENTS);
    static final ParameterSpec BINS = ParameterSpec.integer("bins", 50, "bins per histogram").between(2, 1000);
    static final ParameterSpec MAX_VALUES = ParameterSpec.integer("max-values", 4_096,
            "read at most this many values of an array (an even systematic sample); 0 for all").atLeast(0);

    private int bins;
    private int maxValues;
    private HostArray host;
    private float[] scratch = new float[0];

    @Override
    public String name() {
        return "histograms";
    }

    @Override
    public String description() {
        return "per-layer histograms of weights, pre-activations, activations, gradients and log10|gradient|, "
                + "and weight/gradient quantiles (seeds 000, 004)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SAMPLING.plus(BINS, MAX_VALUES);
    }

    @Override
    public Sampling sampling(Parameters params) {
        return SAMPLING.sampling(params);
    }

    /** Layers with weights (dense and convolution): a distribution needs no matrix shape. */
    @Override
    public boolean reads(LayerInfo layer) {
        return layer.weighted();
    }

    @Override
    public List<Metric> metrics() {
        List<Metric> all = new ArrayList<>(List.of(WEIGHTS, ACTIVATIONS, LOG_GRADIENTS, PRE_ACTIVATIONS, GRADIENTS));
        all.add(GRADIENT_VIOLINS);
        all.addAll(GRADIENT_QUANTILES);
        all.add(WEIGHT_VIOLINS);
        all.addAll(WEIGHT_QUANTILES);
        return all;
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        bins = ctx.parameters().integer(BINS.name());
        maxValues = ctx.parameters().integer(MAX_VALUES.name());
    }

    @Override
    public void onForward(ForwardContext ctx) {
        for (int l = 0; l < ctx.network().size(); l++) {
            Distribution w = distribution(ctx, ctx.weights(l), 1.0);
            record(ctx, l, w, WEIGHTS, WEIGHT_VIOLINS);
            recordQuantiles(ctx, WEIGHT_QUANTILES, l, w);
            record(ctx, l, distribution(ctx, ctx.preActivations(l), 1.0), PRE_ACTIVATIONS);
            record(ctx, l, distribution(ctx, ctx.activations(l), 1.0), ACTIVATIONS);
        }
    }

    @Override
    public void onBackward(BackwardContext ctx) {
        double scale = ctx.gradientScale();
        for (int l = 0; l < ctx.network().size(); l++) {
            Distribution g = distribution(ctx, ctx.rawWeightGradient(l), scale);
            record(ctx, l, g, GRADIENTS, GRADIENT_VIOLINS);
            recordQuantiles(ctx, GRADIENT_QUANTILES, l, g);
            if (scratch.length < host.size()) {
                scratch = new float[host.size()];
            }
            int nonzero = Distribution.log10Magnitudes(host.values(), host.size(), 1, scale, scratch);
            record(ctx, l, Distribution.of(scratch, nonzero, bins), LOG_GRADIENTS);
        }
    }

    /** Bins the values (or a sample of them) from their shared host copy or sample, kept in {@link #host}. */
    private Distribution distribution(MonitorContext ctx, INDArray values, double scale) {
        host = ctx.stats().sample(values, maxValues);
        return Distribution.of(host.values(), host.size(), 1, scale, bins);
    }

    /** Records the distribution's histogram, computed once, as each of {@code metrics}. */
    private static void record(MonitorContext ctx, int layer, Distribution d, Metric... metrics) {
        if (d != null) {
            Histogram h = d.histogram();
            for (Metric metric : metrics) {
                ctx.record(metric, layer, h);
            }
        }
    }

    /** Records the quantiles of {@link #LEVELS} and then the mean, as {@code box} lists them. */
    private static void recordQuantiles(MonitorContext ctx, List<Metric> box, int layer, Distribution d) {
        if (d == null) {
            return;
        }
        double[] quantiles = d.quantiles(QUANTILE_LEVELS);
        for (int i = 0; i < LEVELS.length; i++) {
            ctx.record(box.get(i), layer, quantiles[i]);
        }
        ctx.record(box.get(LEVELS.length), layer, d.mean());
    }

    private static Metric histogram(String name, String description, String title, String axis) {
        return Metric.histogram(name, description).drawn(Drawing.of(Chart.HISTOGRAM).in(Sections.DISTRIBUTIONS)
                .titled(title).axis(axis));
    }

    /** A distribution per layer drawn as violins across the run: the histogram of the box chart's values. */
    private static Metric violins(String name, String what, String title, String axis) {
        return Metric.histogram(name, "distribution of the layer's " + what + " (counts per bin), drawn as violins over time")
                .drawn(Drawing.of(Chart.VIOLIN).in(Sections.ACROSS_EPOCHS).titled(title).axis(axis).scale(Scale.LINEAR)
                        .guide("Linear scale, as in seed 004's violin plots: a layer whose violin is a flat line has values "
                                + "orders of magnitude smaller than the widest layer."));
    }

    /** The quantile metrics {@code layer.<key>.p05 ... p95} and {@code layer.<key>.mean}, one box chart. */
    private static List<Metric> boxMetrics(String key, String what, String title) {
        Drawing box = Drawing.of(Chart.BOX).in(Sections.ACROSS_EPOCHS).titled(title).axis(key).scale(Scale.LINEAR)
                .guide("Linear scale, as in seed 004's violin plots: a layer whose box is a flat line has values orders "
                        + "of magnitude smaller than the widest layer.");
        List<Metric> out = new ArrayList<>();
        for (int p : LEVELS) {
            out.add(Metric.layer(String.format(Locale.ROOT, "layer.%s.p%02d", key, p), "value",
                    p + "th percentile of the " + what).drawn(box.quantile(p / 100.0)));
        }
        out.add(Metric.layer("layer." + key + ".mean", "value", "mean of the " + what).drawn(box));
        return List.copyOf(out);
    }
}
