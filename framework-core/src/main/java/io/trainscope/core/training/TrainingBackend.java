package io.trainscope.core.training;

import io.trainscope.core.checkpoint.RunPosition;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.config.TrainingSpec;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.model.BuiltNetwork;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Where a run trains when its config says {@code training.backend: <name>} other than
 * {@code local}: framework-spark provides {@code spark}. Found with {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/io.trainscope.core.training.TrainingBackend} entry) like the
 * {@link io.trainscope.core.run.RunReporter}; a config that names a backend that is not on the
 * classpath is refused before anything is loaded.
 *
 * <p>The core sets the run up as for the local loop (data, network, monitors, run folder, early
 * stopping, checkpoints) and hands the backend what it must replace: the loop over the epochs and
 * the evaluation of the validation and test splits.
 */
public interface TrainingBackend {

    /** The value of {@code training.backend} this backend serves. */
    String name();

    /**
     * Optimizer steps in one epoch, for learning-rate schedules planned over the whole run.
     *
     * @param training         the run's training settings
     * @param trainingExamples the size of the training split
     */
    long iterationsPerEpoch(TrainingSpec training, long trainingExamples);

    /**
     * Places one run's data where it trains; called once per run, after the network is built.
     * The run closes what it returns when it ends.
     *
     * @param updater the network's optimizer (its learning rate per iteration)
     */
    BackendRun open(ResolvedExperiment experiment, PreparedData data, BuiltNetwork built, IUpdater updater);

    /** One run on a backend: its evaluations and its loop. */
    interface BackendRun extends AutoCloseable {

        /** Evaluates the validation split, or null when the data has none. */
        SplitEvaluation validation();

        /** Evaluates the test split, or null when the data has none. */
        SplitEvaluation test();

        /**
         * The loop over the epochs, wired to the run's parts.
         *
         * @param start where the loop starts: {@link RunPosition#START}, or a checkpoint's position
         */
        EpochLoop loop(RunParts parts, TrainingProgress progress, RunPosition start);

        /** Frees what the run placed (cached data); the backend's own resources may outlive it. */
        @Override
        void close();
    }
}
