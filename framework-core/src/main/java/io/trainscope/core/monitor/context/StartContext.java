package io.trainscope.core.monitor.context;

import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.core.monitor.IterationState;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.RunServices;

/** {@link TrainingStartContext} for one monitor. */
final class StartContext extends BaseContext implements TrainingStartContext {

    private final int epochs;
    private final long examples;
    private final int batchSize;

    StartContext(MonitorSlot slot, RunServices services, IterationState state, int epochs, long examples, int batchSize) {
        super(slot, services, state);
        this.epochs = epochs;
        this.examples = examples;
        this.batchSize = batchSize;
    }

    @Override
    public int plannedEpochs() {
        return epochs;
    }

    @Override
    public long trainingExamples() {
        return examples;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }
}
