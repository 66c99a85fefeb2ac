package io.trainscope.core.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * Everything besides the arrays that a run needs to continue exactly where a checkpoint left it.
 *
 * @param epochsCompleted          epochs finished when the checkpoint was taken
 * @param iteration                DL4J's iteration count (the next iteration's number)
 * @param rngRootState             ND4J's random generator root state
 * @param rngNodeState             ND4J's random generator node state
 * @param bestMetric               early stopping's best value so far (NaN if none)
 * @param bestEpoch                the epoch of that value (-1 if none)
 * @param epochsWithoutImprovement early stopping's patience counter
 * @param metricsBytes             the length of {@code metrics.jsonl} at the checkpoint (resume truncates to it)
 * @param shuffleSeed              the seed the epoch orders derive from
 * @param inputs                   the number of input features
 * @param findings                 the findings reported so far, as written to {@code findings.json}
 * @param featureStatistics        mean/std/min/max of the training split's features, as float arrays, keyed by name
 * @param classNames               the class names of a classification task, in index order; empty for regression
 * @param regressionOutputs        the number of targets of a regression task; 0 for classification
 */
public record TrainingState(int epochsCompleted, long iteration, long rngRootState, long rngNodeState,
                            double bestMetric, int bestEpoch, int epochsWithoutImprovement, long metricsBytes,
                            long shuffleSeed, long inputs, List<Map<String, Object>> findings,
                            Map<String, float[]> featureStatistics, List<String> classNames, int regressionOutputs) {

    public TrainingState {
        findings = findings == null ? List.of() : List.copyOf(findings);
        featureStatistics = featureStatistics == null ? Map.of() : Map.copyOf(featureStatistics);
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
    }

    /** The task of the data the model was trained on. */
    public io.trainscope.api.data.Task task() {
        return classNames.isEmpty() ? new io.trainscope.api.data.Task.Regression(Math.max(1, regressionOutputs))
                : new io.trainscope.api.data.Task.Classification(classNames);
    }
}
