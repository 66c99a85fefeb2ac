package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.BackwardContext;
import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.ForwardContext;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.MonitorContext;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.api.monitor.Scale;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Locale;

/**
 * The Glorot condition measured (seed 004): how the variance of the signal changes from layer to
 * layer on the forward pass and of the gradients on the backward pass, and the product of those
 * ratios across the network. A well-initialized network keeps both products near 1.
 *
 * <h2>What</h2>
 * Variances are population variances over all entries of an array (batch × units, or
 * fan-in × units).
 * <ul>
 *   <li>{@code layer.forward.variance.ratio} of layer {@code l}: {@code Var(a_l) / Var(a_{l-1})},
 *       the variance of the layer's activations over that of its input ({@code a_{-1}} is the
 *       network input after input normalization).</li>
 *   <li>{@code layer.backward.variance.ratio} of layer {@code l} (every layer but the output):
 *       {@code Var(dL/dz_l) / Var(dL/dz_{l+1})}, where {@code dL/dz} is the gradient of the mean batch
 *       loss with respect to a layer's pre-activations ({@link BackwardContext#preActivationGradient}),
 *       Glorot's back-propagated signal, captured where the activation's backward pass runs.</li>
 *   <li>{@code layer.backward.variance}: {@code Var(dL/dz_l)} itself (not drawn).</li>
 *   <li>{@code network.forward.variance.product}: the product of the forward ratios of the hidden
 *       layers, {@code Var(a_last hidden) / Var(input)}; {@code network.backward.variance.product}:
 *       the product of the backward ratios between hidden layers,
 *       {@code Var(dL/dz_0) / Var(dL/dz_last hidden)}. The output layer (softmax probabilities, a
 *       sigmoid) is bounded by design and left out of the products.</li>
 * </ul>
 * In a network an application built, {@code dL/dz} is derived only for some layers (see
 * {@link BackwardContext#preActivationGradient}); a ratio or product that needs a layer without it
 * is not recorded.
 *
 * <h2>Finding</h2>
 * {@link Pathology#VARIANCE_DRIFT} when a product leaves {@code [1/max-drift, max-drift]}; once
 * per run and direction. The default 30 (the standard deviation changing about 5.5-fold across the
 * network) lies midway (geometrically) between seed 000's healthy and broken set-ups at
 * initialization: 10 x 50 tanh + xavier-normal has a forward product of 0.065 (tanh compresses the
 * signal a little per layer) and a backward product of 0.17; sigmoid + N(0, 1) a backward product of
 * 0.017 (sigmoid's derivative is at most 0.25: vanishing); U(±0.01) a forward product of 3e-5
 * (collapse) and a backward one of 2e-36.
 *
 * <h2>Sampling and cost</h2>
 * Every {@code every}-th iteration (default 10), from DL4J's own arrays and without any native
 * op: each array's variance (the input, every layer's activations and {@code dL/dz}) is summed up
 * in Java in one pass over its values on the host (about 0.6 ns per value). That is cheaper than
 * ND4J's variance op, which took about 6 ns per value single-threaded, or a mean plus a squared
 * norm, about 2 ns (784 x 512 floats). An array of more than {@code max-values} values (default
 * 16,384) is summed over an even systematic sample of at most that many, read straight from its
 * memory ({@link io.trainscope.api.monitor.Statistics#sample}; see the {@code histograms} monitor);
 * a smaller one is copied whole. The relative sampling error of a variance from n values is about
 * {@code sqrt(2/n)}, 1.1% for 16,384, far below the factors the finding looks for.
 */
public final class VarianceFlowMonitor implements Monitor {

    /** Forward variance ratio per layer. */
    public static final Metric FORWARD = Metric.layer("layer.forward.variance.ratio", "ratio",
            "Var(activations) / Var(input) of the layer on the forward pass")
            .drawn(profile().labelled("forward Var(out)/Var(in)"));
    /** Backward variance ratio per layer. */
    public static final Metric BACKWARD = Metric.layer("layer.backward.variance.ratio", "ratio",
            "Var(dL/dz of this layer) / Var(dL/dz of the next layer), z the pre-activations")
            .drawn(profile().labelled("backward Var(dL/dz)/Var(dL/dz next)"));
    /** The variance of the back-propagated gradient per layer. */
    public static final Metric BACKWARD_VARIANCE = Metric.layer("layer.backward.variance", "variance",
            "Var(dL/dz): the variance of the gradient of the mean batch loss with respect to the layer's pre-activations")
            .drawn(Drawing.NONE);
    /** Product of the hidden layers' forward ratios. */
    public static final Metric FORWARD_PRODUCT = Metric.network("network.forward.variance.product", "ratio",
            "Var(activations of the last hidden layer) / Var(network input)")
            .drawn(products().labelled("forward product").inComparisons());
    /** Product of the backward ratios between hidden layers. */
    public static final Metric BACKWARD_PRODUCT = Metric.network("network.backward.variance.product", "ratio",
            "Var(dL/dz of the first hidden layer) / Var(dL/dz of the last hidden layer)")
            .drawn(products().labelled("backward product"));

    static final SamplingParameters SAMPLING = SamplingParameters.iterations(10, 0, View.ACTIVATIONS,
            View.PRE_ACTIVATION_GRADIENTS);
    static final ParameterSpec MAX_DRIFT = ParameterSpec.real("max-drift", 30.0,
            "report variance drift when a product leaves [1/max-drift, max-drift]").greaterThan(1);
    static final ParameterSpec MAX_VALUES = ParameterSpec.integer("max-values", 16_384,
            "estimate each variance from at most this many values (an even systematic sample); 0 for all").atLeast(0);

    private double maxDrift;
    private int maxValues;
    private boolean reportedForward;
    private boolean reportedBackward;

    @Override
    public String name() {
        return "variance-flow";
    }

    @Override
    public String description() {
        return "the Glorot condition: per-layer variance ratios forward and backward, and their products (seed 004)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SAMPLING.plus(MAX_DRIFT, MAX_VALUES);
    }

    @Override
    public Sampling sampling(Parameters params) {
        return SAMPLING.sampling(params);
    }

    /** Layers with weights (dense and convolution), in the order the network computes them. */
    @Override
    public boolean reads(LayerInfo layer) {
        return layer.weighted();
    }

    @Override
    public List<Metric> metrics() {
        return List.of(FORWARD, BACKWARD, FORWARD_PRODUCT, BACKWARD_PRODUCT, BACKWARD_VARIANCE);
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        maxDrift = ctx.parameters().real(MAX_DRIFT.name());
        maxValues = ctx.parameters().integer(MAX_VALUES.name());
    }

    @Override
    public void onForward(ForwardContext ctx) {
        int n = ctx.network().size();
        double[] v = new double[n + 1];
        v[0] = variance(ctx, ctx.input());
        for (int l = 0; l < n; l++) {
            v[l + 1] = variance(ctx, ctx.activations(l));
        }
        double[] ratios = new double[n];
        for (int l = 0; l < n; l++) {
            ratios[l] = v[l + 1] / v[l];
            ctx.record(FORWARD, l, ratios[l]);
        }
        int hidden = ctx.network().hiddenLayers().size();
        if (hidden == 0) {
            return;
        }
        double product = v[hidden] / v[0];
        ctx.record(FORWARD_PRODUCT, product);
        if (!reportedForward && drifts(product)) {
            reportedForward = true;
            report(ctx, "forward", "activations", product, ratios, hidden,
                    String.format(Locale.ROOT, "Var(input) %s, Var(%s activations) %s", Phrases.num(v[0]),
                            ctx.network().layers().get(hidden - 1).name(), Phrases.num(v[hidden])));
        }
    }

    @Override
    public void onBackward(BackwardContext ctx) {
        int n = ctx.network().size();
        double[] v = new double[n];
        for (int l = 0; l < n; l++) {
            INDArray dz = ctx.preActivationGradient(l);
            v[l] = dz == null ? Double.NaN : variance(ctx, dz);
            if (dz != null) {
                ctx.record(BACKWARD_VARIANCE, l, v[l]);
            }
        }
        double[] ratios = new double[n - 1];
        for (int l = 0; l < n - 1; l++) {
            ratios[l] = v[l] / v[l + 1];
            if (!Double.isNaN(v[l]) && !Double.isNaN(v[l + 1])) {
                ctx.record(BACKWARD, l, ratios[l]);
            }
        }
        int hidden = ctx.network().hiddenLayers().size();
        if (hidden == 0 || Double.isNaN(v[0]) || Double.isNaN(v[hidden - 1])) {
            return;
        }
        double product = v[0] / v[hidden - 1];
        ctx.record(BACKWARD_PRODUCT, product);
        if (!reportedBackward && drifts(product)) {
            reportedBackward = true;
            report(ctx, "backward", "back-propagated gradients (dL/dz)", product, ratios, hidden - 1,
                    String.format(Locale.ROOT, "Var(dL/dz of %s) %s, Var(dL/dz of %s) %s",
                            ctx.network().layers().get(0).name(), Phrases.num(v[0]),
                            ctx.network().layers().get(hidden - 1).name(), Phrases.num(v[hidden - 1])));
        }
    }

    /** The variance of an array's values, or of a systematic sample of at most {@code max-values} of them. */
    private double variance(MonitorContext ctx, INDArray a) {
        return ctx.stats().sample(a, maxValues).variance(1);
    }

    private boolean drifts(double product) {
        return Double.isFinite(product) ? product > maxDrift || product < 1 / maxDrift : !Double.isNaN(product);
    }

    private void report(MonitorContext ctx, String direction, String what, double product, double[] ratios, int count,
                        String variances) {
        boolean shrinks = product < 1;
        List<LayerInfo> layers = ctx.network().layers();
        StringBuilder perLayer = new StringBuilder(direction + " ratio per layer:");
        for (int l = 0; l < count; l++) {
            perLayer.append(' ').append(layers.get(l).name()).append(' ').append(Phrases.num(ratios[l]));
        }
        String activation = layers.get(0).activation();
        Phrases.initFor(activation).after("Scale each layer's initial weights to its fan-in and fan-out so that the "
                + "variance is kept from layer to layer. ").on(ctx.finding(Pathology.VARIANCE_DRIFT, Severity.WARNING)
                .summary(String.format(Locale.ROOT, "The variance of the %s %s by a factor of %s across the hidden "
                                + "layers: the Glorot condition (equal variance in every layer) is far from met.", what,
                        shrinks ? "shrinks" : "grows", Phrases.num(shrinks ? 1 / product : product)))
                .evidence(String.format(Locale.ROOT, "network %s variance product %s %s; allowed [%s, %s] (max-drift %s)",
                        direction, Phrases.num(product), Phrases.when(ctx), Phrases.num(1 / maxDrift),
                        Phrases.num(maxDrift), Phrases.num(maxDrift)))
                .evidence(variances)
                .evidence(perLayer.toString()))
                .report();
    }

    /** The per-layer ratios: one profile across the layers against Glorot's target of 1. */
    private static Drawing profile() {
        return Drawing.of(Chart.LAYER_PROFILE).in(Sections.VARIANCE).titled("Variance flow per layer")
                .axis("variance ratio").scale(Scale.LOG).reference(1)
                .guide("Glorot's condition: both ratios near 1 in every layer. Ratios above 1 compound into exploding "
                        + "signals across the layers, below 1 into vanishing ones.");
    }

    /** The products across the network, over iterations. */
    private static Drawing products() {
        return Drawing.of(Chart.LINE).in(Sections.VARIANCE).titled("Variance ratio across the network (product over layers)")
                .axis("product of ratios").scale(Scale.LOG).reference(1)
                .guide("How much the signal's variance grows (above 1) or shrinks (below 1) from the input to the output, "
                        + "and the gradient's from the output back to the input.");
    }
}
