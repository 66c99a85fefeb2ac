package io.trainscope.core.training;

/**
 * Trains the epochs of one run: trainscope's own {@link TrainingLoop}, or a
 * {@link TrainingBackend}'s. A loop ends every epoch with the run's {@link EpochBoundary}, so
 * validation, monitors' epoch callbacks, early stopping, checkpoints and the run folder behave the
 * same whatever trained the epoch.
 */
public interface EpochLoop {

    /** Trains from its start position until the last epoch, a stop request or early stopping. */
    LoopEnd run();

    /** Steps per epoch as progress counts them (mini-batches; averaging rounds on Spark). */
    int batchesPerEpoch();

    /**
     * Epochs completed, or the epoch in progress when an exception interrupted the loop (the start
     * position's epoch before the loop ran).
     */
    int epoch();
}
