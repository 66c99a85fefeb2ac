package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.HostArray;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.LayerKind;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.MonitorContext;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Remedy;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.UpdateContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Symmetric units (seed 004): units of a layer whose incoming weights and bias are identical to
 * another unit's. Such units compute the same output for every input, receive the same gradient
 * and stay identical for ever, so the layer behaves as if it had fewer units; a zero or constant
 * initialization makes a whole layer one unit wide.
 *
 * <h2>Finding</h2>
 * {@link Pathology#SYMMETRY}, once per run, at the first check that finds symmetric units,
 * naming every affected layer: critical when every unit of some layer has a twin (zero
 * initialization), a warning otherwise.
 *
 * <h2>Sampling and cost</h2>
 * At training start (the initial weights) and after the update of every {@code every}-th iteration
 * (default 100). Per check: one host memory copy of each layer's weights and bias (no native op),
 * then in Java a hash of each unit's bias and first 32 weights, a sort of those hashes, and whole
 * columns only for the units whose hashes agree (see {@code SymmetricUnits}): a randomly
 * initialized layer costs about {@code units × 32} hashed weights, a zero-initialized one a pass
 * over all its weights.
 */
public final class SymmetryMonitor implements Monitor {

    /** Units with at least one twin in their layer. */
    public static final Metric UNITS = Metric.layer("layer.symmetric.units", "units",
            "units whose incoming weights and bias equal those of another unit of the layer")
            .drawn(Drawing.of(Chart.LAYER_BARS).in(Sections.UNITS).titled("Symmetric units per layer")
                    .labelled("symmetric units").axis("units")
                    .guide("Units whose incoming weights equal another unit's (zero or constant initialization): they "
                            + "compute the same thing and receive the same update, so they stay copies (seed 004)."));

    /** After the update of every N-th iteration; the initial weights are checked at training start. */
    static final SamplingParameters SAMPLING = SamplingParameters.iterations(100, 0, View.UPDATES);

    private boolean reported;

    @Override
    public String name() {
        return "symmetry";
    }

    @Override
    public String description() {
        return "units whose incoming weights are identical (zero or constant initialization), seed 004";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SAMPLING.specs();
    }

    @Override
    public Sampling sampling(Parameters params) {
        return SAMPLING.sampling(params);
    }

    @Override
    public List<Metric> metrics() {
        return List.of(UNITS);
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        check(ctx, "at training start, before the first update");
    }

    @Override
    public void onUpdate(UpdateContext ctx) {
        if (ctx.iteration() > 0) { // iteration 0 was checked at training start
            check(ctx, "after the update of iteration " + ctx.iteration() + " (epoch " + ctx.epoch() + ")");
        }
    }

    /** Dense layers and convolutions (whose units are channels). */
    @Override
    public boolean reads(LayerInfo layer) {
        return layer.weighted();
    }

    /**
     * A layer's incoming weights with one column per unit: a dense layer's {@code [fanIn, units]} as
     * it is, a convolution's kernels {@code [channels out, in, rows, columns]} (on the host, a row per
     * output channel) seen transposed, so that a column is one channel's whole kernel.
     */
    private static HostArray incoming(MonitorContext ctx, LayerInfo layer) {
        HostArray w = ctx.stats().host(ctx.weights(layer.index()));
        return layer.kind() == LayerKind.CONV2D ? new HostArray(w.values(), w.columns(), w.rows(), !w.columnMajor()) : w;
    }

    private void check(MonitorContext ctx, String when) {
        List<String> evidence = new ArrayList<>();
        boolean wholeLayer = false;
        int first = -1;
        for (LayerInfo layer : ctx.network().layers()) {
            int l = layer.index();
            SymmetricUnits s = SymmetricUnits.of(incoming(ctx, layer), ctx.bias(l) == null ? null : ctx.stats().host(ctx.bias(l)));
            ctx.record(UNITS, l, s.symmetricUnits());
            if (s.symmetricUnits() == 0) {
                continue;
            }
            first = first < 0 ? l : first;
            wholeLayer |= s.symmetricUnits() == layer.units();
            int distinct = s.distinctUnits((int) layer.units());
            evidence.add(String.format(Locale.ROOT, "%s: %d of %d %s have a twin; the layer computes %d distinct "
                            + "%s; largest group %s", layer.name(), s.symmetricUnits(), layer.units(),
                    Phrases.units(layer, layer.units()), distinct, Phrases.units(layer, distinct),
                    preview(s.groups().get(0))));
        }
        if (evidence.isEmpty() || reported) {
            return;
        }
        reported = true;
        Finding.Builder f = ctx.finding(Pathology.SYMMETRY, wholeLayer ? Severity.CRITICAL : Severity.WARNING)
                .layer(first)
                .summary(wholeLayer
                        ? "Every unit of a layer has an identical twin: identical units get identical gradients and "
                        + "never differ, so the layer learns as if it were far narrower (zero or constant initialization)."
                        : "Some units have identical incoming weights: they compute the same thing and will stay "
                        + "identical, wasting the layer's capacity.")
                .evidence("checked " + when)
                .prescription("Initialize the weights randomly so that units start different: {0} for tanh and "
                        + "sigmoid, {1} for relu. Never use zeros or a constant for weights (biases may start at 0).",
                        Remedy.initializer("xavier-normal"), Remedy.initializer("he-normal"));
        evidence.forEach(f::evidence);
        f.report();
    }

    private static String preview(int[] group) {
        String shown = Arrays.stream(group).limit(16).mapToObj(String::valueOf).collect(Collectors.joining(", "));
        return "[" + shown + (group.length > 16 ? ", ... (" + group.length + " in all)" : "") + "]";
    }
}
