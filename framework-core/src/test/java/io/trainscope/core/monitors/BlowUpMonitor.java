package io.trainscope.core.monitors;

import io.trainscope.api.monitor.EpochContext;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.plugin.ParameterSpec;

import java.util.List;

/** Test monitor that simulates divergence: it writes NaN into the first layer's weights when an epoch starts. */
public final class BlowUpMonitor implements Monitor {

    @Override
    public String name() {
        return "test-blow-up";
    }

    @Override
    public String description() {
        return "test only: NaN weights at the start of an epoch";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("at-epoch", 2, "the epoch (from 0) to blow up at").atLeast(0));
    }

    @Override
    public void onEpochStart(EpochContext ctx) {
        if (ctx.epoch() == ctx.parameters().integer("at-epoch")) {
            ctx.weights(0).assign(Double.NaN);
        }
    }
}
