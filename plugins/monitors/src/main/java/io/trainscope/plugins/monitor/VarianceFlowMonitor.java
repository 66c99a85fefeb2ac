package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.BackwardContext;
import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.HostArray;
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
 *       {@code Var(gW_l) / Var(gW_{l+1})}, where {@code gW} is a layer's weight gradient. This is a
 *       <b>proxy</b>: Glorot's backward condition is about the back-propagated gradients
 *       {@code dL/dz_l}, which DL4J 1.0.0-M2.1 does not hand to listeners. Since
 *       {@code gW_l = a_{l-1}^T dL/dz_l}, with the two independent and {@code dL/dz} centred
 *       {@code Var(gW_l)} is about {@code batch · E[a_{l-1}²] · Var(dL/dz_l)}: the proxy is the exact
 *       ratio times {@code E[a_{l-1}²] / E[a_l²]}, the same when the layers' inputs have equal second
 *       moments.</li>
 *   <li>{@code network.forward.variance.product}: the product of the forward ratios of the hidden
 *       layers, {@code Var(a_last hidden) / Var(input)}; {@code network.backward.variance.product}:
 *       the product of the backward ratios between hidden layers,
 *       {@code Var(gW_0) / Var(gW_last hidden)}. The output layer (softmax probabilities, a sigmoid)
 *       is bounded by design and left out of the products.</li>
 * </ul>
 *
 * <h2>Finding</h2>
 * {@link Pathology#VARIANCE_DRIFT} when a product leaves {@code [1/max-drift, max-drift]}; once
 * per run and direction. The default 100 (the standard deviation changing tenfold across the
 * network) separates seed 000's and 004's healthy set-ups from the broken ones with margin on both
 * sides: 10 x 50 tanh + xavier-normal has a forward product of about 0.05 (tanh compresses the
 * signal a little per layer) and a backward product of about 0.3; sigmoid + N(0, 1) has a
 * backward product near 1e-5 (vanishing), U(±0.01) a forward product near 1e-5 (collapse).
 *
 * <h2>Sampling and cost</h2>
 * Every {@code every}-th iteration (default 10), from DL4J's own arrays and without any native
 * op: each array (the input, every layer's activations and weight gradient) is copied to the host
 * with one memory copy and its variance summed up in Java in one pass (about 0.1 ns per value to
 * copy and 0.6 ns per value summed). That is cheaper than ND4J's variance op, which took about
 * 6 ns per value single-threaded, or a mean plus a squared norm, about 2 ns (784 x 512 floats).
 * An array of more than {@code max-values} values (default 16,384) is summed over an even
 * systematic sample of at most that many (see the {@code histograms} monitor): the relative
 * sampling error of a variance from n values is about {@code sqrt(2/n)}, 1.1% for 16,384, far
 * below the factors the finding looks for.
 */
public final class VarianceFlowMonitor implements Monitor {

    /** Forward variance ratio per layer. */
    public static final Metric FORWARD = Metric.layer("layer.forward.variance.ratio", "ratio",
            "Var(activations) / Var(input) of the layer on the forward pass")
            .drawn(profile().labelled("forward Var(out)/Var(in)"));
    /** Backward variance ratio per layer (proxy). */
    public static final Metric BACKWARD = Metric.layer("layer.backward.variance.ratio", "ratio",
            "Var(weight gradient of this layer) / Var(weight gradient of the next layer): the backward proxy")
            .drawn(profile().labelled("backward Var(grad in)/Var(grad out)"));
    /** Product of the hidden layers' forward ratios. */
    public static final Metric FORWARD_PRODUCT = Metric.network("network.forward.variance.product", "ratio",
            "Var(activations of the last hidden layer) / Var(network input)")
            .drawn(products().labelled("forward product").inComparisons());
    /** Product of the backward ratios between hidden layers. */
    public static final Metric BACKWARD_PRODUCT = Metric.network("network.backward.variance.product", "ratio",
            "Var(weight gradient of the first hidden layer) / Var(weight gradient of the last hidden layer)")
            .drawn(products().labelled("backward product"));

    static final SamplingParameters SAMPLING = SamplingParameters.iterations(10, 0, View.ACTIVATIONS, View.GRADIENTS);
    static final ParameterSpec MAX_DRIFT = ParameterSpec.real("max-drift", 100.0,
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
        return List.of(FORWARD, BACKWARD, FORWARD_PRODUCT, BACKWARD_PRODUCT);
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
            v[l] = variance(ctx, ctx.rawWeightGradient(l)); // the 1/batch scale cancels in every ratio
        }
        double[] ratios = new double[n - 1];
        for (int l = 0; l < n - 1; l++) {
            ratios[l] = v[l] / v[l + 1];
            ctx.record(BACKWARD, l, ratios[l]);
        }
        int hidden = ctx.network().hiddenLayers().size();
        if (hidden == 0) {
            return;
        }
        double product = v[0] / v[hidden - 1];
        ctx.record(BACKWARD_PRODUCT, product);
        if (!reportedBackward && drifts(product)) {
            reportedBackward = true;
            double scale = ctx.gradientScale() * ctx.gradientScale();
            report(ctx, "backward", "weight gradients", product, ratios, hidden - 1,
                    String.format(Locale.ROOT, "Var(gradient of %s) %s, Var(gradient of %s) %s",
                            ctx.network().layers().get(0).name(), Phrases.num(v[0] * scale),
                            ctx.network().layers().get(hidden - 1).name(), Phrases.num(v[hidden - 1] * scale)));
        }
    }

    /** The variance of an array's values, or of a systematic sample of at most {@code max-values} of them. */
    private double variance(MonitorContext ctx, INDArray a) {
        HostArray host = ctx.stats().host(a);
        return host.variance(Distribution.stride(host.rows(), host.columns(), maxValues));
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
