package io.trainscope.spark;

import io.trainscope.core.config.SparkSpec;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;

/**
 * DL4J's parameter averaging, one round at a time: the driver's network (parameters and optimizer
 * state) is broadcast, every worker trains its partition's mini-batches of the round, and the
 * parameters and optimizer states are averaged back into the driver's network, in place. The
 * rounds are cut by {@link EpochRounds} and trained by {@link RoundMaster}, so DL4J neither counts,
 * repartitions nor caches the data itself, and the driver gets control back after every averaging.
 */
final class ParameterAveraging {

    private final MultiLayerNetwork network;
    private final SparkDl4jMultiLayer sparkNetwork;
    private final RoundMaster master;
    private final RoundLoss loss;

    ParameterAveraging(JavaSparkContext sc, MultiLayerNetwork network, SparkSpec spec, long seed) {
        this.network = network;
        this.loss = new RoundLoss(sc);
        this.master = new RoundMaster(new ParameterAveragingTrainingMaster.Builder(spec.workers(), spec.batchSizePerWorker())
                .batchSizePerWorker(spec.batchSizePerWorker())
                .averagingFrequency(spec.averagingFrequency())
                .saveUpdater(true)
                .repartionData(Repartition.Never)
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .rngSeed(seed)
                .trainingHooks(loss));
        this.sparkNetwork = new SparkDl4jMultiLayer(sc, network, master);
    }

    /** The network with Spark's distributed scoring and evaluation. */
    SparkDl4jMultiLayer sparkNetwork() {
        return sparkNetwork;
    }

    /**
     * Trains one averaging round and sets the network's iteration count to what it was plus the
     * round's steps (mini-batches per worker).
     *
     * @param steps the most mini-batches any worker trains in this round
     * @return the round's training loss, measured on the workers
     */
    RoundFigures train(JavaRDD<DataSet> round, int steps) {
        int before = network.getIterationCount();
        loss.reset();
        master.executeTraining(sparkNetwork, round);
        network.setIterationCount(before + steps);
        return new RoundFigures(loss.mean(), loss.examples(), loss.batches());
    }

    /**
     * What one averaging round did.
     *
     * @param loss     mean training loss per example over every worker's mini-batches
     * @param examples examples trained, over all workers
     * @param batches  mini-batches trained, over all workers
     */
    record RoundFigures(double loss, long examples, long batches) {
    }
}
