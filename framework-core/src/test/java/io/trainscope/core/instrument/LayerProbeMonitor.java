package io.trainscope.core.instrument;

import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.EpochContext;
import io.trainscope.api.monitor.ForwardContext;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only monitor plugin, registered through {@code META-INF/services}: reads every kind of layer,
 * records each layer's mean activation on sampled iterations, and keeps copies of the first sampled
 * iteration's activations and pre-activations by layer name, so tests can check what an
 * instrumented network hands to monitors. The latest instance is {@link #LAST}.
 */
public final class LayerProbeMonitor implements Monitor {

    public static volatile LayerProbeMonitor LAST;

    static final Metric MEAN = Metric.layer("test.probe.activation.mean", "activation", "mean activation")
            .drawn(Drawing.NONE);
    static final SamplingParameters SAMPLING = SamplingParameters.iterations(5, 0, View.ACTIVATIONS,
            View.PRE_ACTIVATIONS, View.GRADIENTS);

    /** The layers it saw at training start, in order. */
    public final List<LayerInfo> layers = new ArrayList<>();
    /** The first sampled iteration's activations, {@code float} copies in C order, by layer name. */
    public final Map<String, float[]> activations = new LinkedHashMap<>();
    /** The first sampled iteration's pre-activations, by layer name. */
    public final Map<String, float[]> preActivations = new LinkedHashMap<>();
    /** The shapes of the first sampled iteration's activations, by layer name. */
    public final Map<String, long[]> shapes = new LinkedHashMap<>();
    public final List<Long> forwardIterations = new ArrayList<>();
    public final List<Integer> epochEnds = new ArrayList<>();
    public int trainingStarts;

    public LayerProbeMonitor() {
        LAST = this;
    }

    @Override
    public String name() {
        return "test-layer-probe";
    }

    @Override
    public String description() {
        return "test only: reads every layer and keeps what it saw";
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
        return List.of(MEAN);
    }

    @Override
    public boolean reads(LayerInfo layer) {
        return true;
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        trainingStarts++;
        layers.addAll(ctx.network().layers());
    }

    @Override
    public void onForward(ForwardContext ctx) {
        boolean first = forwardIterations.isEmpty();
        forwardIterations.add(ctx.iteration());
        for (LayerInfo layer : ctx.network().layers()) {
            INDArray a = ctx.activations(layer.index());
            ctx.record(MEAN, layer.index(), a.meanNumber().doubleValue());
            if (first) {
                activations.put(layer.name(), copy(a));
                preActivations.put(layer.name(), copy(ctx.preActivations(layer.index())));
                shapes.put(layer.name(), a.shape());
            }
        }
    }

    @Override
    public void onEpochEnd(EpochContext ctx) {
        epochEnds.add(ctx.epoch());
    }

    private static float[] copy(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
