package io.trainscope.report.testplugins;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.api.monitor.UpdateContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * A third-party monitor as a plugin author would write one, known only to this module's tests
 * (registered in {@code src/test/resources/META-INF/services}): the root mean square of each
 * layer's weights after the update, and the ratio of the largest to the smallest, in a section of
 * its own. Nothing in the core or the report knows its name or its metrics.
 */
public final class WeightScaleMonitor implements Monitor {

    static final String SECTION = "Weight scale";

    /** Per-layer RMS of the weights. */
    public static final Metric RMS = Metric.layer("layer.weight.rms", "rms", "root mean square of the layer's weights")
            .drawn(Drawing.of(Chart.LAYER_LINES).in(SECTION).titled("RMS of the weights per layer").axis("weight rms")
                    .guide("A test-only monitor's metric: the root mean square of each layer's weights after the update."));
    /** Largest over smallest layer RMS. */
    public static final Metric SPREAD = Metric.network("weight.rms.spread", "ratio",
            "largest layer RMS divided by the smallest").drawn(Drawing.of(Chart.LINE).in(SECTION)
            .titled("Largest / smallest layer RMS").reference(1));

    static final SamplingParameters SAMPLING = SamplingParameters.iterations(2, 0, View.UPDATES);

    @Override
    public String name() {
        return "test-weight-scale";
    }

    @Override
    public String description() {
        return "test only: RMS of every layer's weights";
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
        return List.of(RMS, SPREAD);
    }

    @Override
    public void onUpdate(UpdateContext ctx) {
        List<INDArray> weights = new ArrayList<>();
        for (int l = 0; l < ctx.network().size(); l++) {
            weights.add(ctx.weights(l));
        }
        double[] norms = ctx.stats().norms(weights);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int l = 0; l < norms.length; l++) {
            double rms = norms[l] / Math.sqrt(weights.get(l).length());
            ctx.record(RMS, l, rms);
            min = Math.min(min, rms);
            max = Math.max(max, rms);
        }
        ctx.record(SPREAD, max / min);
    }
}
