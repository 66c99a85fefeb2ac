package io.trainscope.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.spark.api.TrainingHook;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The training loss of an averaging round, computed where it happens: after every mini-batch a
 * worker trains, the loss DL4J computed for it (before the update, as the local trainer records
 * it) is added, weighted by the batch's examples, to Spark accumulators the driver reads after
 * the round. Needed because the averaged network's own {@code score()} is 0 after a
 * parameter-averaging fit.
 */
final class RoundLoss implements TrainingHook {
    private static final long serialVersionUID = 1L;

    private final DoubleAccumulator weightedLoss;
    private final LongAccumulator examples;
    private final LongAccumulator batches;

    RoundLoss(JavaSparkContext sc) {
        this.weightedLoss = sc.sc().doubleAccumulator("trainscope training loss x examples");
        this.examples = sc.sc().longAccumulator("trainscope training examples");
        this.batches = sc.sc().longAccumulator("trainscope training mini-batches");
    }

    /** Starts a round. */
    void reset() {
        weightedLoss.reset();
        examples.reset();
        batches.reset();
    }

    /** The mean loss per example over the round's mini-batches on every worker; NaN before any. */
    double mean() {
        return examples.value() == 0 ? Double.NaN : weightedLoss.value() / examples.value();
    }

    /** Examples trained in the round, over all workers. */
    long examples() {
        return examples.value();
    }

    /** Mini-batches trained in the round, over all workers. */
    long batches() {
        return batches.value();
    }

    @Override
    public void preUpdate(DataSet minibatch, Model model) {
    }

    @Override
    public void postUpdate(DataSet minibatch, Model model) {
        int n = minibatch.numExamples();
        weightedLoss.add(model.score() * n);
        examples.add(n);
        batches.add(1);
    }

    @Override
    public void preUpdate(MultiDataSet minibatch, Model model) {
    }

    @Override
    public void postUpdate(MultiDataSet minibatch, Model model) {
        throw new UnsupportedOperationException("trainscope trains MultiLayerNetworks on DataSets only");
    }
}
