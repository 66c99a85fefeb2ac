package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

/** The context of {@link Monitor#onTrainingStart}: the run is about to take its first step. */
@StableApi(since = "0.1")
public interface TrainingStartContext extends MonitorContext {

    /**
     * The number of epochs planned (early stopping may end sooner); 0 when unknown (an application's
     * own network, instrumented: its training loop is its own).
     */
    int plannedEpochs();

    /** The number of training examples per epoch; 0 when unknown (an instrumented network). */
    long trainingExamples();

    /** The mini-batch size; 0 when unknown (an instrumented network; each iteration's is in its context). */
    int batchSize();
}
