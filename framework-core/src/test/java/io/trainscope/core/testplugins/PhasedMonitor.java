package io.trainscope.core.testplugins;

import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;

import java.util.List;

/**
 * Test monitor whose sampling checks its parameters against each other ({@code phase} must be
 * below {@code every}) and that declares a metric {@link CountingMonitor} declares too.
 */
public final class PhasedMonitor implements Monitor {

    static final SamplingParameters SAMPLING = SamplingParameters.iterations(4, 0, View.GRADIENTS);

    @Override
    public String name() {
        return "test-phased";
    }

    @Override
    public String description() {
        return "test only: a sampling that refuses a phase at or above its interval";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SAMPLING.plus(ParameterSpec.integer("phase", 0, "offset of the samples").atLeast(0));
    }

    @Override
    public Sampling sampling(Parameters params) {
        if (params.integer("phase") >= params.integer(SamplingParameters.EVERY)) {
            throw new IllegalArgumentException("phase must be below every, got " + params.integer("phase") + " >= "
                    + params.integer(SamplingParameters.EVERY));
        }
        return SAMPLING.sampling(params);
    }

    @Override
    public List<Metric> metrics() {
        return List.of(CountingMonitor.COUNTED);
    }
}
