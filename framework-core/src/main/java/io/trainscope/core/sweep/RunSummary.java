package io.trainscope.core.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a sweep's table: what a run ended with, read back from its run folder
 * ({@link RunSummaryReader}), or the error that kept it from running.
 *
 * @param status       {@code completed}, {@code early_stopped}, {@code stopped_by_monitor}, {@code failed}
 * @param failed       whether the run counts as failed
 * @param reason       why it ended early or failed; empty if it did not
 * @param epochs       epochs completed
 * @param test         the final model's test metrics ({@code accuracy}, {@code loss}, ...), by name without prefix
 * @param bestMetric   the validation metric the best epoch is chosen by ({@code validation.accuracy}), or null
 * @param bestValue    its best value, or null without validation
 * @param bestEpoch    the epoch of the best value, from 1, or null
 * @param trainingLoss the last epoch's mean training loss, or null
 * @param headlines    the values of the metrics the run's monitors declared for comparisons
 * @param findings     the number of findings per severity ({@code CRITICAL}, {@code WARNING}, {@code INFO})
 * @param pathologies  the pathologies found, most severe first, each once
 * @param seconds      training time: the sum of the epochs' wall times
 */
public record RunSummary(String status, boolean failed, String reason, int epochs, Map<String, Double> test,
                         String bestMetric, Double bestValue, Integer bestEpoch, Double trainingLoss,
                         List<Headline> headlines, Map<String, Integer> findings, List<String> pathologies,
                         double seconds) {

    /** The status of a run that could not start or whose folder cannot be read. */
    public static final String FAILED = "failed";

    public RunSummary {
        test = test == null ? Map.of() : new LinkedHashMap<>(test);
        headlines = headlines == null ? List.of() : List.copyOf(headlines);
        findings = findings == null ? Map.of() : new LinkedHashMap<>(findings);
        pathologies = pathologies == null ? List.of() : List.copyOf(pathologies);
        reason = reason == null ? "" : reason;
    }

    /** A run that failed before it had a readable run folder. */
    public static RunSummary failedToStart(String reason) {
        return new RunSummary(FAILED, true, reason, 0, Map.of(), null, null, null, null, List.of(), Map.of(), List.of(), 0);
    }

    /**
     * The value of a metric a monitor declared for comparisons: a network-wide value, or one value
     * per layer.
     *
     * @param metric the metric's name
     * @param label  how tables name it
     * @param when   when it was measured ({@code at initialization}, or {@code after epoch N})
     * @param value  the network-wide value, or null for a per-layer metric
     * @param layers the value per layer name, in layer order, for a per-layer metric (empty otherwise)
     */
    public record Headline(String metric, String label, String when, Double value, Map<String, Double> layers) {

        public Headline {
            layers = layers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(layers));
        }
    }
}
