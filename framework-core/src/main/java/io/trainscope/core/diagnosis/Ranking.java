package io.trainscope.core.diagnosis;

import io.trainscope.api.monitor.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the root cause among the rules' diagnoses: the first in causal order
 * ({@link Ailment}'s order) at warning level or above. The diagnoses it explains
 * ({@link Ailment#explains()}) and the monitors' findings that are their signs are attached to
 * it; the rest are independent problems, each with its own signs.
 */
public final class Ranking {

    /** Ranks {@code diagnoses} (any order) and distributes {@code findings} among them. */
    public DiagnosisReport rank(String config, List<Diagnosis> diagnoses, List<Finding> findings, Vitals vitals) {
        List<Diagnosis> ordered = diagnoses.stream().sorted(Comparator.comparing(Diagnosis::ailment)).toList();
        Diagnosis primary = ordered.stream().filter(d -> d.level().compareTo(Level.WARNING) >= 0).findFirst().orElse(null);
        List<Diagnosis> explained = new ArrayList<>();
        List<Diagnosis> independent = new ArrayList<>();
        for (Diagnosis d : ordered) {
            if (d == primary) {
                continue;
            }
            if (primary != null && primary.ailment().explains().contains(d.ailment())) {
                explained.add(d);
            } else {
                independent.add(d);
            }
        }
        List<Finding> left = new ArrayList<>(findings);
        Diagnosis first = primary == null ? null : claim(primary, left, true);
        List<Diagnosis> others = new ArrayList<>();
        for (Diagnosis d : independent) {
            others.add(claim(d, left, false));
        }
        return new DiagnosisReport(config, first, explained, others, left, vitals);
    }

    /** The diagnosis with the findings that are its signs (and, for the primary, its symptoms' signs) taken from {@code left}. */
    private static Diagnosis claim(Diagnosis d, List<Finding> left, boolean withSymptoms) {
        List<Finding> mine = new ArrayList<>();
        for (Finding f : List.copyOf(left)) {
            Ailment a = Ailment.ofFinding(f.pathology());
            if (a == d.ailment() || withSymptoms && a != null && d.ailment().explains().contains(a)) {
                mine.add(f);
                left.remove(f);
            }
        }
        return d.explaining(mine);
    }
}
