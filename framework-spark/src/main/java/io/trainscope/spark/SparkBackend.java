package io.trainscope.spark;

import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.config.SparkSpec;
import io.trainscope.core.config.TrainingSpec;
import io.trainscope.core.data.EpochBatches;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.training.TrainingBackend;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * {@code training.backend: spark}: trains on Apache Spark with DL4J's parameter averaging. The
 * training split is sharded over {@code training.spark.workers} partitions; every averaging round
 * each worker trains up to {@code averaging-frequency} mini-batches of
 * {@code batch-size-per-worker} examples from its shard, then the driver averages parameters and
 * optimizer state. Validation and test run on the executors too. See docs/scale-out.md.
 */
public final class SparkBackend implements TrainingBackend {

    /** For {@link java.util.ServiceLoader}. */
    public SparkBackend() {
    }

    @Override
    public String name() {
        return "spark";
    }

    /** The optimizer steps of one epoch: the mini-batches of the largest shard, which every round advances together. */
    @Override
    public long iterationsPerEpoch(TrainingSpec training, long trainingExamples) {
        SparkSpec spark = training.spark();
        long shard = (trainingExamples + spark.workers() - 1) / spark.workers();
        return EpochBatches.batchesPerEpoch(shard, spark.batchSizePerWorker());
    }

    @Override
    public BackendRun open(ResolvedExperiment experiment, PreparedData data, BuiltNetwork built, IUpdater updater) {
        TrainingSpec training = experiment.spec().training();
        return new SparkRun(SparkContexts.open(training.spark(), experiment.name()), training, data, built, updater);
    }
}
