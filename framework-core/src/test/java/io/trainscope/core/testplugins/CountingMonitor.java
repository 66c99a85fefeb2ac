package io.trainscope.core.testplugins;

import io.trainscope.api.monitor.BackwardContext;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.EpochContext;
import io.trainscope.api.monitor.ForwardContext;
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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test monitor that records which iterations it was called on and the identity of the arrays it
 * was handed. Instances are per run; tests find the last one through {@link #LAST}.
 */
public final class CountingMonitor implements Monitor {

    /** The most recently created instance (tests are single-threaded). */
    public static volatile CountingMonitor LAST;

    public final List<Long> forwardIterations = new ArrayList<>();
    public final List<Long> backwardIterations = new ArrayList<>();
    public final List<Long> updateIterations = new ArrayList<>();
    /** The epochs this instance saw start. */
    public final List<Integer> epochStarts = new ArrayList<>();
    /** Hidden-layer activation arrays seen in onForward, by iteration. */
    public final Map<Long, List<INDArray>> activations = new HashMap<>();
    public final Map<INDArray, Boolean> seen = new IdentityHashMap<>();
    /** A metric it declares (and never records), declared by {@link PhasedMonitor} too. */
    public static final Metric COUNTED = Metric.network("test.counted", "calls", "callbacks so far").drawn(Drawing.NONE);

    static final SamplingParameters SAMPLING = SamplingParameters.iterations(3, 0, View.ACTIVATIONS, View.GRADIENTS,
            View.UPDATES);

    public CountingMonitor() {
        LAST = this;
    }

    @Override
    public String name() {
        return "test-counting";
    }

    @Override
    public String description() {
        return "test only: counts callbacks";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SAMPLING.specs();
    }

    @Override
    public void onEpochStart(EpochContext ctx) {
        epochStarts.add(ctx.epoch());
    }

    @Override
    public Sampling sampling(Parameters params) {
        return SAMPLING.sampling(params);
    }

    @Override
    public List<Metric> metrics() {
        return List.of(COUNTED);
    }

    @Override
    public void onForward(ForwardContext ctx) {
        forwardIterations.add(ctx.iteration());
        List<INDArray> list = new ArrayList<>();
        for (int l = 0; l < ctx.network().hiddenLayers().size(); l++) {
            list.add(ctx.activations(l));
        }
        activations.put(ctx.iteration(), list);
    }

    @Override
    public void onBackward(BackwardContext ctx) {
        backwardIterations.add(ctx.iteration());
    }

    @Override
    public void onUpdate(UpdateContext ctx) {
        updateIterations.add(ctx.iteration());
    }
}
