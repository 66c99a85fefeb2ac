package io.trainscope.spark;

import io.trainscope.core.checkpoint.RunPosition;
import io.trainscope.core.config.SparkSpec;
import io.trainscope.core.config.TrainingSpec;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.training.EpochLoop;
import io.trainscope.core.training.RunParts;
import io.trainscope.core.training.SplitEvaluation;
import io.trainscope.core.training.TrainingBackend;
import io.trainscope.core.training.TrainingProgress;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * One run on Spark: its splits sharded over the executors, the parameter averaging of its
 * network, the evaluations of its validation and test splits, and its loop.
 */
final class SparkRun implements TrainingBackend.BackendRun {

    private final TrainingSpec training;
    private final PreparedData data;
    private final BuiltNetwork built;
    private final ShardedDataSet train;
    private final ShardedDataSet validation;
    private final ShardedDataSet test;
    private final ParameterAveraging averaging;
    private final int evaluationBatch;
    private final IUpdater updater;

    SparkRun(JavaSparkContext sc, TrainingSpec training, PreparedData data, BuiltNetwork built, IUpdater updater) {
        this.updater = updater;
        SparkSpec spark = training.spark();
        this.training = training;
        this.data = data;
        this.built = built;
        this.train = new ShardedDataSet(sc, data.train(), spark.workers());
        this.validation = shard(sc, data.validation(), spark.workers());
        this.test = shard(sc, data.test(), spark.workers());
        this.averaging = new ParameterAveraging(sc, built.network(), spark, training.seed());
        this.evaluationBatch = Math.max(training.batchSize(), 500);
    }

    @Override
    public SplitEvaluation validation() {
        return evaluation(validation);
    }

    @Override
    public SplitEvaluation test() {
        return evaluation(test);
    }

    @Override
    public EpochLoop loop(RunParts parts, TrainingProgress progress, RunPosition start) {
        DriverProbe probe = new DriverProbe(built.network(), data.train(), parts.dispatcher(), updater,
                training.spark().batchSizePerWorker(), training.seed());
        return new RoundLoop(built.network(), train, training, averaging, probe, parts, progress, start);
    }

    @Override
    public void close() {
        train.close();
        if (validation != null) {
            validation.close();
        }
        if (test != null) {
            test.close();
        }
    }

    private SplitEvaluation evaluation(ShardedDataSet split) {
        if (split == null) {
            return null;
        }
        return net -> {
            if (net != built.network()) {
                throw new IllegalArgumentException("a Spark run evaluates its own network only");
            }
            return DistributedEvaluation.evaluate(averaging.sparkNetwork(), split, data.head(), evaluationBatch);
        };
    }

    private static ShardedDataSet shard(JavaSparkContext sc, DataSet split, int workers) {
        return split == null ? null : new ShardedDataSet(sc, split, workers);
    }
}
