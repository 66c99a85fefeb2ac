package io.trainscope.examples.plugins;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.HostArray;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.MonitorContext;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.api.monitor.Scale;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingEndContext;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.UpdateContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How far each layer's weights have moved from where they started ({@code weight-drift}), an
 * example monitor that lives only in the examples module: per layer
 * {@code ||W − W₀|| / ||W₀||} (L2 norms, {@code W₀} the weights at training start), recorded as
 * the metric {@value #DRIFT_NAME} and drawn by the report in a section of its own. A layer whose
 * weights start at zero has no such ratio and is not recorded.
 *
 * <h2>Finding</h2>
 * {@code frozen-layer} (warning) at the end of training, naming every layer whose last drift is
 * below {@code frozen-below} (default 1e-3): such a layer ended where it started, so training did
 * not use it (a vanished gradient, or a learning rate far too low for it).
 *
 * <h2>Sampling and cost</h2>
 * Every {@code every}-th iteration (default 10), after the update: one host copy of each weight
 * matrix (shared with other monitors of the same callback) and a Java loop over it. The initial
 * weights are kept on the Java heap, one float per weight.
 */
public final class WeightDriftMonitor implements Monitor {

    static final String DRIFT_NAME = "layer.weight.drift";

    /** Distance from the initial weights, relative to their norm, per layer. */
    public static final Metric DRIFT = Metric.layer(DRIFT_NAME, "ratio",
            "||W - W0|| / ||W0||: distance of the layer's weights from their initial values, relative to their size")
            .drawn(Drawing.of(Chart.LAYER_LINES).in("Weight drift (example plugin)")
                    .titled("Distance from the initial weights, ||W - W0|| / ||W0||").axis("relative distance")
                    .scale(Scale.LOG)
                    .guide("How far training has moved each layer from its initialization; a layer that stays "
                            + "near 0 is not learning."));

    /** A layer that ends training where it started. */
    static final Pathology FROZEN_LAYER = new Pathology("frozen-layer", "Layer never left its initial weights");

    static final SamplingParameters SAMPLING = SamplingParameters.iterations(10, 0, View.UPDATES);
    static final ParameterSpec FROZEN_BELOW = ParameterSpec.real("frozen-below", 1e-3,
            "report a layer whose drift at the end of training is below this").greaterThan(0);

    private float[][] initial;
    private double[] initialNorm;
    private double[] lastDrift;

    @Override
    public String name() {
        return "weight-drift";
    }

    @Override
    public String description() {
        return "per-layer ||W - W0|| / ||W0||: how far training moved each layer from its initialization (example plugin)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SAMPLING.plus(FROZEN_BELOW);
    }

    @Override
    public Sampling sampling(Parameters params) {
        return SAMPLING.sampling(params);
    }

    @Override
    public List<Metric> metrics() {
        return List.of(DRIFT);
    }

    /** Every layer with weights: the norms need no matrix shape. */
    @Override
    public boolean reads(LayerInfo layer) {
        return layer.weighted();
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        int n = ctx.network().size();
        initial = new float[n][];
        initialNorm = new double[n];
        lastDrift = new double[n];
        Arrays.fill(lastDrift, Double.NaN);
        for (int l = 0; l < n; l++) {
            HostArray w = ctx.stats().host(ctx.weights(l));
            initial[l] = Arrays.copyOf(w.values(), w.size());
            initialNorm[l] = Math.sqrt(w.sumOfSquares());
        }
    }

    @Override
    public void onUpdate(UpdateContext ctx) {
        recordDrift(ctx);
    }

    @Override
    public void onTrainingEnd(TrainingEndContext ctx) {
        StringBuilder frozen = new StringBuilder();
        int first = -1;
        double threshold = ctx.parameters().real(FROZEN_BELOW.name());
        for (int l = 0; l < lastDrift.length; l++) {
            if (lastDrift[l] < threshold) {
                first = first < 0 ? l : first;
                frozen.append(frozen.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s drift %.3g",
                        ctx.network().layers().get(l).name(), lastDrift[l]));
            }
        }
        if (first >= 0) {
            ctx.finding(FROZEN_LAYER, Severity.WARNING).layer(first)
                    .summary("Some layers ended training where they started: their weights moved by less than "
                            + threshold + " of their size.")
                    .evidence(frozen.toString())
                    .prescription("Look at the gradient-norms findings (a vanished gradient) or raise the learning rate.")
                    .report();
        }
    }

    /** Records every layer's drift from its host copy; layers that started at zero are skipped. */
    private void recordDrift(MonitorContext ctx) {
        for (int l = 0; l < initial.length; l++) {
            if (initialNorm[l] == 0) {
                continue;
            }
            HostArray w = ctx.stats().host(ctx.weights(l));
            float[] now = w.values();
            float[] start = initial[l];
            double squares = 0;
            for (int i = 0; i < start.length; i++) {
                double d = now[i] - start[i];
                squares += d * d;
            }
            lastDrift[l] = Math.sqrt(squares) / initialNorm[l];
            ctx.record(DRIFT, l, lastDrift[l]);
        }
    }
}
