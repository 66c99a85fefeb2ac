package io.trainscope.core.training;

import io.trainscope.core.evaluation.EvaluationResult;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Evaluates a network on one split of the run's data (validation or test): in this JVM with
 * {@link io.trainscope.core.evaluation.Evaluator}, or where a {@link TrainingBackend} keeps the data.
 */
@FunctionalInterface
public interface SplitEvaluation {

    /** The network's loss and metrics on the split. */
    EvaluationResult evaluate(MultiLayerNetwork network);
}
