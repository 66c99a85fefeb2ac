package io.trainscope.spark;

import org.apache.spark.api.java.JavaRDD;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;

/**
 * DL4J's parameter-averaging master that trains the mini-batches it is given as exactly one
 * averaging round. DL4J's own master counts the data, splits it into rounds and repartitions
 * and caches it on every call (two extra Spark jobs per round here); {@link EpochRounds} has
 * already cut the round, partitioned by worker.
 */
final class RoundMaster extends ParameterAveragingTrainingMaster {
    private static final long serialVersionUID = 1L;

    RoundMaster(Builder builder) {
        super(builder);
    }

    @Override
    protected void executeTrainingDirect(SparkDl4jMultiLayer network, JavaRDD<DataSet> round) {
        doIteration(network, round, 1, 1);
    }
}
