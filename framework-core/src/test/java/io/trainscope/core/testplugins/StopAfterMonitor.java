package io.trainscope.core.testplugins;

import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.UpdateContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.api.plugin.ParameterSpec;

import java.util.List;

/** Test monitor that asks the run to stop at a given iteration. */
public final class StopAfterMonitor implements Monitor {

    @Override
    public String name() {
        return "test-stop-after";
    }

    @Override
    public String description() {
        return "test only: requests a stop at an iteration";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("iteration", 3, "iteration to stop at").atLeast(0));
    }

    @Override
    public Sampling sampling(Parameters params) {
        return Sampling.every(1, View.UPDATES);
    }

    @Override
    public void onUpdate(UpdateContext ctx) {
        if (ctx.iteration() == ctx.parameters().integer("iteration")) {
            ctx.requestStop("asked to stop at iteration " + ctx.iteration());
        }
    }
}
