package io.trainscope.core.diagnosis;

import io.trainscope.api.monitor.Finding;

import java.util.List;
import java.util.Objects;

/**
 * One named pathology with its evidence, cause and prescription.
 *
 * @param ailment      what is wrong
 * @param level        how bad it is
 * @param layers       the layers concerned (names as monitors give them: {@code hidden-0}, {@code output}); empty for the whole network
 * @param summary      one sentence
 * @param evidence     the numbers behind it, one line each
 * @param cause        the likely cause in words
 * @param prescription the config changes and words
 * @param explains     the monitors' findings this diagnosis accounts for (filled in by the ranking)
 */
public record Diagnosis(Ailment ailment, Level level, List<String> layers, String summary, List<String> evidence,
                        String cause, Prescription prescription, List<Finding> explains) {

    public Diagnosis {
        Objects.requireNonNull(ailment, "ailment");
        Objects.requireNonNull(level, "level");
        layers = List.copyOf(layers);
        evidence = List.copyOf(evidence);
        explains = List.copyOf(explains);
    }

    /** A diagnosis that explains no finding yet. */
    public static Diagnosis of(Ailment ailment, Level level, List<String> layers, String summary, List<String> evidence,
                               String cause, Prescription prescription) {
        return new Diagnosis(ailment, level, layers, summary, evidence, cause, prescription, List.of());
    }

    /** A copy that explains these findings too. */
    public Diagnosis explaining(List<Finding> findings) {
        return new Diagnosis(ailment, level, layers, summary, evidence, cause, prescription, findings);
    }
}
