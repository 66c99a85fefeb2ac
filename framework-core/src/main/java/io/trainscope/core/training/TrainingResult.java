package io.trainscope.core.training;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.TrainingEndContext;
import io.trainscope.core.evaluation.EvaluationResult;
import io.trainscope.core.model.BuiltNetwork;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run produced.
 *
 * @param runId          the run folder's name (or a generated id for in-memory runs)
 * @param directory      the run folder, or null for in-memory runs
 * @param seed           the seed
 * @param outcome        how it ended
 * @param reason         why it ended early, or empty
 * @param epochs         epochs completed
 * @param iterations     iterations completed
 * @param trainingLoss   mean training loss of the last epoch
 * @param validation     validation metrics of the last epoch (empty without a validation split)
 * @param test           evaluation of the final model on the test split, or null
 * @param findings       every finding of the run
 * @param monitorNanos   time spent inside each monitor's callbacks, by monitor name
 * @param network        the trained network (the best one when early stopping kept a best model)
 */
public record TrainingResult(String runId, Path directory, long seed, TrainingEndContext.Outcome outcome, String reason,
                             int epochs, long iterations, double trainingLoss, Map<String, Double> validation,
                             EvaluationResult test, List<Finding> findings, Map<String, Long> monitorNanos,
                             BuiltNetwork network) {

    /** Whether the run ended without failing. */
    public boolean succeeded() {
        return outcome != TrainingEndContext.Outcome.FAILED;
    }
}
