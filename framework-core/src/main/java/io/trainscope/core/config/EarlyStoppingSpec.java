package io.trainscope.core.config;

import java.util.List;

/**
 * Stop when a validation metric has not improved for {@code patience} epochs (seed 003: patience
 * 7 on validation accuracy), and keep the best model.
 *
 * @param metric   {@code validation.accuracy}, {@code validation.loss}, {@code validation.mse} or {@code validation.mae}
 * @param patience epochs without improvement before stopping, >= 1
 * @param minDelta the smallest change that counts as an improvement, >= 0
 */
public record EarlyStoppingSpec(String metric, int patience, double minDelta) {

    /** The metrics early stopping can watch. */
    public static final List<String> METRICS =
            List.of("validation.accuracy", "validation.loss", "validation.mse", "validation.mae");

    public EarlyStoppingSpec {
        ConfigRules.oneOf("training.early-stopping.metric", metric, METRICS, false);
        ConfigRules.atLeast("training.early-stopping.patience", patience, 1);
        ConfigRules.between("training.early-stopping.min-delta", minDelta, 0.0, Double.MAX_VALUE);
    }

    /** Whether a larger value of the metric is better. */
    public boolean higherIsBetter() {
        return metric.endsWith("accuracy");
    }
}
