package io.trainscope.core.testplugins;

import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.TrainingStartContext;

/** Test monitor that records a metric its (empty) {@code metrics()} does not declare. */
public final class UndeclaredMetricMonitor implements Monitor {

    static final Metric UNDECLARED = Metric.network("test.undeclared", "value", "never declared");

    @Override
    public String name() {
        return "test-undeclared";
    }

    @Override
    public String description() {
        return "test only: records an undeclared metric";
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        ctx.record(UNDECLARED, 1.0);
    }
}
