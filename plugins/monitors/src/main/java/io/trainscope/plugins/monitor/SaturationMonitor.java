package io.trainscope.plugins.monitor;

import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.ForwardContext;
import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.HostArray;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.LayerKind;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Remedy;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Saturation per layer, as seed 002 maps it ({@code |tanh| > 0.99}): the share of a batch's
 * activations that lie in the flat region of the layer's activation, where its derivative is
 * (nearly) zero and no gradient passes; the units that are flat for every example of the batch
 * (seed 002's all-white column); and the mean and standard deviation of the activations.
 *
 * <p>The flat region comes from the activation plugin ({@link LayerInfo#flatRegion()}: sigmoid's
 * {@code a <= eps or a >= 1 - eps}, tanh's {@code |a| >= 0.99}, relu's {@code a <= 0}), never from
 * the activation's name. An output with no plugin flat region (softmax) has 0% saturation.
 *
 * <h2>Findings</h2>
 * <ul>
 *   <li>{@link Pathology#SATURATION} when a hidden layer whose activation saturates on both sides
 *       (bounded output: sigmoid, tanh) has more than {@code threshold} percent of its outputs in
 *       the flat region (seed 000's sigmoid net with N(0, 1) weights: about 30-50%). Layers with a
 *       one-sided flat region (relu: {@code a <= 0}) are measured but not diagnosed here: about half
 *       of a healthy relu layer's outputs are 0 by design, and units flat for every example are dead
 *       units, the {@code dead-neurons} monitor's subject.</li>
 *   <li>{@link Pathology#COLLAPSED_ACTIVATIONS} when a hidden layer with a bounded output has a
 *       standard deviation below {@code collapse-std} times the width of its output range
 *       ({@code upper - lower} of the flat region): every unit outputs about the same value for
 *       every example (seed 000's U(±0.01) weights: sigmoid outputs all within 0.01 of 0.5).</li>
 * </ul>
 * Each is reported once per run, naming every affected layer.
 *
 * <h2>Sampling and cost</h2>
 * Every {@code every}-th iteration (default 10), from DL4J's own activation arrays (no forward
 * pass, no native op): one host memory copy per layer and one pass in Java over the batch's
 * activations.
 */
public final class SaturationMonitor implements Monitor {

    /** Share of a layer's activations in the flat region. */
    public static final Metric PERCENT = Metric.layer("layer.saturation.percent", "percent",
            "share of the batch's activations in the activation's flat region").drawn(Drawing.of(Chart.LAYER_BARS)
            .in(Sections.UNITS).titled("Saturated activations per layer").labelled("saturated activations")
            .axis("saturated (%)").guide("Share of activations in the flat region of the activation function ("
                    + Drawing.ACTIVATIONS + "), where its derivative is nearly zero (seed 002)."));
    /** Units flat for every example of the batch. */
    public static final Metric UNITS = Metric.layer("layer.saturated.units", "units",
            "units whose activation is in the flat region for every example of the batch")
            .drawn(Drawing.of(Chart.LAYER_BARS).in(Sections.UNITS).titled("Units saturated for every example")
                    .labelled("units saturated for every example").axis("units")
                    .guide("Units in the flat region for every example of the batch: seed 002's all-white columns."));
    /** Per convolution, the distribution over its channels of each channel's saturated share. */
    public static final Metric CHANNELS = Metric.histogram("layer.channel.saturation.histogram",
            "convolutions only: how many channels have which share of their activations (all examples and positions) "
                    + "in the flat region").drawn(Drawing.of(Chart.HISTOGRAM).in(Sections.UNITS)
            .titled("Saturation per channel (convolutions)").axis("share of the channel's activations that are flat (%)")
            .guide("Each convolution's channels by the share of their outputs in the flat region of the activation ("
                    + Drawing.ACTIVATIONS + "); a channel at 100% is flat for every example at every position "
                    + "(for relu: dead)."));
    /** Mean activation. */
    public static final Metric MEAN = Metric.layer("layer.activation.mean", "activation",
            "mean of the layer's activations over the batch and units").drawn(Drawing.NONE);
    /** Standard deviation of the activations. */
    public static final Metric STD = Metric.layer("layer.activation.std", "activation",
            "population standard deviation of the layer's activations over the batch and units").drawn(Drawing.NONE);

    static final int CHANNEL_BINS = 20;
    static final SamplingParameters SAMPLING = SamplingParameters.iterations(10, 0, View.ACTIVATIONS);
    static final ParameterSpec THRESHOLD = ParameterSpec.real("threshold", 20.0,
            "report saturation when more than this percent of a hidden layer's outputs are flat").between(0, 100);
    static final ParameterSpec COLLAPSE = ParameterSpec.real("collapse-std", 0.01,
            "report collapsed activations when the std is below this fraction of the output range").between(0, 1);

    private double threshold;
    private double collapse;
    private boolean reportedSaturation;
    private boolean reportedCollapse;

    @Override
    public String name() {
        return "saturation";
    }

    @Override
    public String description() {
        return "share of activations in the activation's flat region, units flat for a whole batch, activation "
                + "mean and std (seeds 000, 002)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SAMPLING.plus(THRESHOLD, COLLAPSE);
    }

    @Override
    public Sampling sampling(Parameters params) {
        return SAMPLING.sampling(params);
    }

    /**
     * Layers with an activation function: dense, convolution and activation layers. In a convolution
     * the unit is a channel: saturated units are channels flat at every position for every example.
     */
    @Override
    public boolean reads(LayerInfo layer) {
        return layer.weighted() || layer.kind() == LayerKind.ACTIVATION;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(PERCENT, UNITS, CHANNELS, MEAN, STD);
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        threshold = ctx.parameters().real(THRESHOLD.name());
        collapse = ctx.parameters().real(COLLAPSE.name());
    }

    @Override
    public void onForward(ForwardContext ctx) {
        Scan scan = new Scan();
        for (LayerInfo layer : ctx.network().layers()) {
            int l = layer.index();
            HostArray host = ctx.stats().host(ctx.activations(l));
            Saturation s = Saturation.of(host, layer.flatRegion(), layer.units());
            ctx.record(PERCENT, l, s.percent());
            ctx.record(UNITS, l, s.saturatedUnits());
            ctx.record(MEAN, l, s.mean());
            ctx.record(STD, l, s.std());
            if (layer.kind() == LayerKind.CONV2D) {
                ctx.record(CHANNELS, l, Histogram.of(s.unitPercents(), 0, 100, CHANNEL_BINS));
            }
            FlatRegion flat = layer.flatRegion();
            boolean bounded = Double.isFinite(flat.lowerBound()) && Double.isFinite(flat.upperBound());
            if (!layer.output() && bounded) {
                scan.add(layer, host, s);
            }
        }
        if (!scan.saturated.isEmpty() && !reportedSaturation) {
            reportedSaturation = true;
            reportSaturation(ctx, scan);
        }
        if (!scan.collapsed.isEmpty() && !reportedCollapse) {
            reportedCollapse = true;
            reportCollapse(ctx, scan);
        }
    }

    /** The hidden layers with a bounded flat region that one sample found saturated or collapsed, and the worst of each. */
    private final class Scan {
        final List<String> saturated = new ArrayList<>();
        final List<String> collapsed = new ArrayList<>();
        int worstSaturated = -1;
        int worstCollapsed = -1;
        double maxPercent;
        double minSpread = Double.POSITIVE_INFINITY;

        void add(LayerInfo layer, HostArray host, Saturation s) {
            FlatRegion flat = layer.flatRegion();
            if (s.percent() > threshold) {
                saturated.add(String.format(Locale.ROOT, "%s: %.1f%% of %d x %d outputs flat (a <= %s or a >= %s), "
                                + "%d units flat for every example, mean %s, std %s", layer.name(), s.percent(),
                        host.rows(), host.columns(), Phrases.num(flat.lowerBound()), Phrases.num(flat.upperBound()),
                        s.saturatedUnits(), Phrases.num(s.mean()), Phrases.num(s.std())));
                if (s.percent() > maxPercent) {
                    maxPercent = s.percent();
                    worstSaturated = layer.index();
                }
            }
            double spread = s.std() / (flat.upperBound() - flat.lowerBound());
            if (spread < collapse) {
                collapsed.add(String.format(Locale.ROOT, "%s: std %s (%s of the output range [%s, %s]), mean %s",
                        layer.name(), Phrases.num(s.std()), Phrases.num(spread), Phrases.num(flat.lowerBound()),
                        Phrases.num(flat.upperBound()), Phrases.num(s.mean())));
                if (spread < minSpread) {
                    minSpread = spread;
                    worstCollapsed = layer.index();
                }
            }
        }
    }

    private void reportSaturation(ForwardContext ctx, Scan scan) {
        LayerInfo worst = ctx.network().layers().get(scan.worstSaturated);
        Finding.Builder f = ctx.finding(Pathology.SATURATION, scan.maxPercent >= 50 ? Severity.CRITICAL : Severity.WARNING)
                .layer(worst.index())
                .summary(String.format(Locale.ROOT, "%d hidden layer%s saturated: up to %.0f%% of %s's outputs lie "
                                + "where the %s derivative is almost zero, so little gradient passes.", scan.saturated.size(),
                        scan.saturated.size() == 1 ? " is" : "s are", scan.maxPercent, worst.name(), worst.activation()))
                .evidence("measured " + Phrases.when(ctx) + "; threshold " + Phrases.num(threshold) + "%")
                .prescription("Scale the initial weights to the layer width: {0} for tanh and sigmoid (variance "
                        + "2/(fan-in + fan-out)) keeps pre-activations in the active range, and so does {1} before the "
                        + "activation; if saturation grows during training, lower the learning rate; or switch to {2} "
                        + "with {3}, which does not saturate for positive inputs.", Remedy.initializer("xavier-normal"), Remedy.normalizer("batchnorm"), Remedy.activation("relu"),
                        Remedy.initializer("he-normal"));
        scan.saturated.forEach(f::evidence);
        f.report();
    }

    private void reportCollapse(ForwardContext ctx, Scan scan) {
        Finding.Builder f = ctx.finding(Pathology.COLLAPSED_ACTIVATIONS, Severity.WARNING)
                .layer(scan.worstCollapsed)
                .summary(String.format(Locale.ROOT, "Activations collapsed in %d hidden layer%s: every unit "
                                + "outputs nearly the same value for every example, so the layer carries almost no "
                                + "information.", scan.collapsed.size(), scan.collapsed.size() == 1 ? "" : "s"))
                .evidence("measured " + Phrases.when(ctx) + "; threshold: std below " + Phrases.num(collapse)
                        + " of the output range");
        scan.collapsed.forEach(f::evidence);
        f.prescription("The initial weights are too small for the layer width: initialize with {0} (variance "
                        + "2/(fan-in + fan-out)) or {1} (2/fan-in) instead of a fixed narrow range; {2} before the "
                        + "activation also restores the spread.", Remedy.initializer("xavier-normal"), Remedy.initializer("he-normal"), Remedy.normalizer("batchnorm"))
                .report();
    }
}
