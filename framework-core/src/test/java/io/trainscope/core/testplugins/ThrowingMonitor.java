package io.trainscope.core.testplugins;

import io.trainscope.api.monitor.BackwardContext;
import io.trainscope.api.monitor.DatasetPassContext;
import io.trainscope.api.monitor.EpochContext;
import io.trainscope.api.monitor.ForwardContext;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.MonitorContext;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.TrainingEndContext;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.UpdateContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;

import java.util.List;

/**
 * Test monitor that throws every time its {@code hook} is called (default {@code onBackward}),
 * with every view on every iteration and a dataset pass at the start and after every epoch, so
 * that every hook is reached. {@link #calls} counts the calls of that hook across runs.
 */
public final class ThrowingMonitor implements Monitor {

    /** Every hook the dispatcher delivers, as the {@code hook} parameter names them. */
    public static final List<String> HOOKS = List.of("reads", "onTrainingStart", "onEpochStart", "onForward",
            "onBackward", "onUpdate", "onEpochEnd", "onDatasetPassBatch", "onDatasetPassEnd", "onTrainingEnd");

    /** Calls of the throwing hook so far (tests reset it). */
    public static int calls;

    /**
     * The {@code hook} of the config resolved last: {@link #reads} has no context to read its
     * parameters from (tests resolve a config, then train it, on one thread).
     */
    private static volatile String resolvedHook = "onBackward";

    @Override
    public String name() {
        return "test-throwing";
    }

    @Override
    public String description() {
        return "test only: throws in the hook named by its parameter";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.choice("hook", "onBackward", HOOKS, "the hook to throw from"));
    }

    @Override
    public Sampling sampling(Parameters params) {
        resolvedHook = params.text("hook");
        return Sampling.every(1, View.ACTIVATIONS, View.GRADIENTS, View.UPDATES).withDatasetPass(1);
    }

    private void maybeThrow(String called, MonitorContext ctx) {
        if (called.equals(ctx == null ? resolvedHook : ctx.parameters().text("hook"))) {
            calls++;
            throw new IllegalStateException("boom in " + called + " at iteration " + (ctx == null ? 0 : ctx.iteration()));
        }
    }

    @Override
    public boolean reads(LayerInfo layer) {
        maybeThrow("reads", null);
        return true;
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        maybeThrow("onTrainingStart", ctx);
    }

    @Override
    public void onEpochStart(EpochContext ctx) {
        maybeThrow("onEpochStart", ctx);
    }

    @Override
    public void onForward(ForwardContext ctx) {
        maybeThrow("onForward", ctx);
    }

    @Override
    public void onBackward(BackwardContext ctx) {
        maybeThrow("onBackward", ctx);
    }

    @Override
    public void onUpdate(UpdateContext ctx) {
        maybeThrow("onUpdate", ctx);
    }

    @Override
    public void onEpochEnd(EpochContext ctx) {
        maybeThrow("onEpochEnd", ctx);
    }

    @Override
    public void onDatasetPassBatch(DatasetPassContext ctx) {
        maybeThrow("onDatasetPassBatch", ctx);
    }

    @Override
    public void onDatasetPassEnd(DatasetPassContext ctx) {
        maybeThrow("onDatasetPassEnd", ctx);
    }

    @Override
    public void onTrainingEnd(TrainingEndContext ctx) {
        maybeThrow("onTrainingEnd", ctx);
    }
}
