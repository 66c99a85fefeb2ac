package io.trainscope.core.checkpoint;

import io.trainscope.api.data.ImageShape;
import io.trainscope.api.data.Task;

import java.util.List;
import java.util.Map;

/**
 * Everything besides the arrays that a run needs to continue exactly where a checkpoint left it.
 *
 * @param format            the checkpoint format ({@link #FORMAT}); a reader refuses any other
 * @param position          epochs completed, and the batch position and loss sums inside the epoch in progress
 * @param iteration         DL4J's iteration count (the next iteration's number)
 * @param rngRootState      ND4J's random generator root state
 * @param rngNodeState      ND4J's random generator node state
 * @param earlyStopping     early stopping's counters ({@link StoppingState#NONE} without early stopping)
 * @param metricsBytes      the length of {@code metrics.jsonl} at the checkpoint (resume truncates to it)
 * @param shuffleSeed       the run's seed, from which the epoch orders derive
 * @param inputs            the number of input features
 * @param findings          the findings reported so far, as written to {@code findings.json}
 * @param featureStatistics mean/std/min/max of the training split's features, as float arrays, keyed by name
 * @param classNames        the class names of a classification task, in index order; empty for regression
 * @param regressionOutputs the number of targets of a regression task; 0 for classification
 * @param image             the shape of the examples as images (what convolutions need to rebuild the
 *                          network), or null when they are not images (and in checkpoints written before it)
 */
public record TrainingState(int format, RunPosition position, long iteration, long rngRootState, long rngNodeState,
                            StoppingState earlyStopping, long metricsBytes, long shuffleSeed, long inputs,
                            List<Map<String, Object>> findings, Map<String, float[]> featureStatistics,
                            List<String> classNames, int regressionOutputs, ImageShape image) {

    /** The format this version writes and reads. */
    public static final int FORMAT = 2;

    public TrainingState {
        position = position == null ? RunPosition.START : position;
        earlyStopping = earlyStopping == null ? StoppingState.NONE : earlyStopping;
        findings = findings == null ? List.of() : List.copyOf(findings);
        featureStatistics = featureStatistics == null ? Map.of() : Map.copyOf(featureStatistics);
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
    }

    /** Epochs finished when the checkpoint was taken. */
    public int epochsCompleted() {
        return position.epochsCompleted();
    }

    /** The task of the data the model was trained on. */
    public Task task() {
        return classNames.isEmpty() ? new Task.Regression(Math.max(1, regressionOutputs)) : new Task.Classification(classNames);
    }
}
