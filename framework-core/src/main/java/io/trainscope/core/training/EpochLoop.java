package io.trainscope.core.training;

import io.trainscope.core.checkpoint.RunPosition;

/**
 * Trains the epochs of one run: trainscope's own {@link TrainingLoop}, or a
 * {@link TrainingBackend}'s. A loop ends every epoch with the run's {@link EpochBoundary}, so
 * validation, monitors' epoch callbacks, early stopping, checkpoints and the run folder behave the
 * same whatever trained the epoch.
 */
public interface EpochLoop {

    /** Trains from {@code start} until the last epoch, a stop request or early stopping. */
    LoopEnd run(RunPosition start);

    /** Steps per epoch as progress counts them (mini-batches; averaging rounds on Spark). */
    int batchesPerEpoch();

    /** Epochs completed, or the epoch in progress when the loop was interrupted by an exception. */
    int epoch();
}
