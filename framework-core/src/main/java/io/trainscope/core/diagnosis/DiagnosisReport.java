package io.trainscope.core.diagnosis;

import io.trainscope.api.monitor.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a diagnosis: one primary diagnosis (the root cause) with the diagnoses and
 * findings it explains, then independent problems.
 *
 * @param config      the config (or run folder) diagnosed
 * @param primary     the root cause, or null for a network with no problem at warning level or above
 * @param explained   other diagnoses the primary accounts for
 * @param independent diagnoses the primary does not account for, in causal order
 * @param unexplained monitor findings no diagnosis accounts for
 * @param vitals      the headline numbers
 */
public record DiagnosisReport(String config, Diagnosis primary, List<Diagnosis> explained, List<Diagnosis> independent,
                              List<Finding> unexplained, Vitals vitals) {

    public DiagnosisReport {
        explained = List.copyOf(explained);
        independent = List.copyOf(independent);
        unexplained = List.copyOf(unexplained);
    }

    /** The primary diagnosis, if any. */
    public Optional<Diagnosis> primaryDiagnosis() {
        return Optional.ofNullable(primary);
    }

    /** Every diagnosis: the primary, the ones it explains, the independent ones. */
    public List<Diagnosis> all() {
        List<Diagnosis> all = new ArrayList<>();
        if (primary != null) {
            all.add(primary);
        }
        all.addAll(explained);
        all.addAll(independent);
        return all;
    }

    /** The diagnoses at {@code level} or above, in order. */
    public List<Diagnosis> atLeast(Level level) {
        return all().stream().filter(d -> d.level().compareTo(level) >= 0).toList();
    }

    /** Whether nothing reaches a warning. */
    public boolean healthy() {
        return atLeast(Level.WARNING).isEmpty();
    }
}
