package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

/** The context of {@link Monitor#onTrainingStart}: the run is about to take its first step. */
@StableApi(since = "0.1")
public interface TrainingStartContext extends MonitorContext {

    /** The number of epochs planned (early stopping may end sooner). */
    int plannedEpochs();

    /** The number of training examples per epoch. */
    long trainingExamples();

    /** The mini-batch size. */
    int batchSize();
}
