package io.trainscope.core.testplugins;

import io.trainscope.api.monitor.BackwardContext;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.Parameters;

/** Test monitor that throws on its first backward callback. */
public final class ThrowingMonitor implements Monitor {

    @Override
    public String name() {
        return "test-throwing";
    }

    @Override
    public String description() {
        return "test only: throws in onBackward";
    }

    @Override
    public Sampling sampling(Parameters params) {
        return Sampling.every(1, View.GRADIENTS);
    }

    @Override
    public void onBackward(BackwardContext ctx) {
        throw new IllegalStateException("boom at iteration " + ctx.iteration());
    }
}
