package io.trainscope.core.run;

import io.trainscope.api.monitor.TrainingEndContext.Outcome;

import java.util.Map;

/**
 * How a run ended, as {@link RunRecorder#finish} writes it into {@code run.json}.
 *
 * @param outcome        how it ended
 * @param reason         why it ended early, or empty
 * @param failed         whether it counts as failed (an exception, or a stop after a critical finding)
 * @param epochs         epochs completed
 * @param iterations     iterations completed
 * @param trainingLoss   the last epoch's mean training loss
 * @param validation     the last epoch's validation metrics (may be empty)
 * @param test           the final model's test metrics (may be empty)
 * @param monitorSeconds time spent in each monitor's callbacks
 */
public record RunEnd(Outcome outcome, String reason, boolean failed, int epochs, long iterations, double trainingLoss,
                     Map<String, Double> validation, Map<String, Double> test, Map<String, Double> monitorSeconds) {
}
