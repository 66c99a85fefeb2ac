package io.trainscope.core.training;

import java.util.Map;

/** Receives progress events of a run: a progress bar on a terminal, log lines elsewhere. */
public interface TrainingProgress {

    /** Receives nothing. */
    TrainingProgress NONE = new TrainingProgress() {
    };

    /** A run started. */
    default void runStarted(String runId, long seed, int epochs, int batchesPerEpoch) {
    }

    /** An epoch started. */
    default void epochStarted(int epoch, int batches) {
    }

    /** A batch was trained on. */
    default void batchDone(int epoch, int batch, double loss, int examples) {
    }

    /** An epoch ended, with its figures. */
    default void epochEnded(int epoch, double trainingLoss, Map<String, Double> validation, double seconds) {
    }

    /** The run ended. */
    default void runEnded(TrainingResult result) {
    }
}
