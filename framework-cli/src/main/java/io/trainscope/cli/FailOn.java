package io.trainscope.cli;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Severity;
import io.trainscope.core.sweep.SweepResult;
import io.trainscope.core.training.TrainingResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --fail-on SEVERITY}: finds the first finding at or above the threshold and says, on one
 * line, which one made the command exit with status 1 (its kind, layer, severity and run).
 *
 * @param threshold the severity from which a finding fails the command
 */
record FailOn(Severity threshold) {

    /** The line explaining a trip, if a finding of {@code results} reaches the threshold. */
    Optional<String> tripped(List<TrainingResult> results) {
        for (TrainingResult r : results) {
            List<Finding> reaching = r.findings().stream().filter(f -> f.severity().compareTo(threshold) >= 0).toList();
            if (!reaching.isEmpty()) {
                Finding f = reaching.get(0);
                long more = results.stream().flatMap(x -> x.findings().stream())
                        .filter(x -> x.severity().compareTo(threshold) >= 0).count() - 1;
                return Optional.of(prefix() + f.severity() + " " + f.pathology().id()
                        + (f.layer() == null ? " (whole network)" : " (layer " + f.layer() + ")")
                        + " in run " + r.runId() + " at iteration " + f.iteration()
                        + (more > 0 ? ", and " + more + " more finding" + (more > 1 ? "s" : "") + " at or above "
                        + threshold : ""));
            }
        }
        return Optional.empty();
    }

    /** The line explaining a trip over a sweep's runs (which record counts by severity). */
    Optional<String> tripped(SweepResult sweep) {
        return sweep.state().runs().stream().filter(r -> r.summary() != null).flatMap(r -> r.summary().findings()
                        .entrySet().stream().filter(e -> Severity.valueOf(e.getKey()).compareTo(threshold) >= 0)
                        .map(e -> prefix() + "run " + r.name() + " of the sweep has " + describe(e)))
                .findFirst();
    }

    private String prefix() {
        return "trainscope: failing because of --fail-on " + threshold + ": ";
    }

    private static String describe(Map.Entry<String, ?> bySeverity) {
        return bySeverity.getValue() + " " + bySeverity.getKey() + " finding(s)";
    }
}
