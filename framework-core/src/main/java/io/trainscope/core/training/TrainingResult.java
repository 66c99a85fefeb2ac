package io.trainscope.core.training;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingEndContext.Outcome;
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
 * @param stoppedBy      the monitor that asked to stop the run, or null
 * @param epochs         epochs completed
 * @param iterations     iterations completed
 * @param trainingLoss   mean training loss of the last epoch
 * @param validation     validation metrics of the last epoch (empty without a validation split)
 * @param test           evaluation of the final model on the test split, or null
 * @param findings       every finding of the run
 * @param monitorNanos   time spent inside each monitor's callbacks, by monitor name
 * @param network        the trained network (the best one when early stopping kept a best model)
 */
public record TrainingResult(String runId, Path directory, long seed, Outcome outcome, String reason, String stoppedBy,
                             int epochs, long iterations, double trainingLoss, Map<String, Double> validation,
                             EvaluationResult test, List<Finding> findings, Map<String, Long> monitorNanos,
                             BuiltNetwork network) {

    /**
     * Whether the run failed: an exception ended it ({@link Outcome#FAILED}), or a monitor stopped
     * it after reporting a {@link Severity#CRITICAL} finding (the {@code non-finite} monitor on NaN,
     * for instance). A run a monitor stopped without a critical finding of its own, a completed and
     * an early-stopped run did not fail. The command line exits with status 1 for a failed run.
     */
    public boolean failed() {
        if (outcome == Outcome.FAILED) {
            return true;
        }
        return outcome == Outcome.STOPPED_BY_MONITOR && findings.stream()
                .anyMatch(f -> f.severity() == Severity.CRITICAL && f.monitor().equals(stoppedBy));
    }

    /** Whether the run did not fail ({@code !failed()}). */
    public boolean succeeded() {
        return !failed();
    }
}
