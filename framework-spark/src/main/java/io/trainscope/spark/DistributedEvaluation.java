package io.trainscope.spark;

import io.trainscope.core.evaluation.EvaluationResult;
import io.trainscope.core.evaluation.Evaluator;
import io.trainscope.core.model.OutputHead;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.nd4j.evaluation.IEvaluation;

/**
 * Evaluates the driver's network where the data lives: the executors score and evaluate their
 * partitions with copies of the network (DL4J's distributed scoring and evaluation), and the
 * driver merges the results into the same {@link EvaluationResult} the local trainer's
 * {@link Evaluator} gives: mean loss, accuracy, per-class precision and recall, confusion matrix
 * (or mse and mae).
 */
final class DistributedEvaluation {

    private DistributedEvaluation() {
    }

    static EvaluationResult evaluate(SparkDl4jMultiLayer network, ShardedDataSet data, OutputHead head, int batchSize) {
        double loss = network.calculateScore(data.shards(), true, batchSize);
        IEvaluation<?>[] filled = network.doEvaluation(data.shards(), 1, batchSize, Evaluator.emptyEvaluation(head));
        return Evaluator.summarize(data.examples(), loss, filled[0], head);
    }
}
