package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

/** The context of {@link Monitor#onTrainingEnd}. */
@StableApi(since = "0.1")
public interface TrainingEndContext extends MonitorContext {

    /** How a run ended. */
    enum Outcome {
        /** All planned epochs ran. */
        COMPLETED,
        /** Early stopping ended the run. */
        EARLY_STOPPED,
        /** A monitor called {@link MonitorContext#requestStop(String)}. */
        STOPPED_BY_MONITOR,
        /** An exception ended the run. */
        FAILED
    }

    /** How the run ended. */
    Outcome outcome();

    /** Why, in words; empty for {@link Outcome#COMPLETED}. */
    String reason();
}
