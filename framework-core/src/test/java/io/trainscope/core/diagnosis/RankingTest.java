package io.trainscope.core.diagnosis;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {

    private static final Vitals VITALS = new Vitals(1, 0, 0, 1, 1, 10);

    private static Diagnosis diagnosis(Ailment ailment, Level level) {
        return Diagnosis.of(ailment, level, List.of(), ailment.title(), List.of(), "", new Prescription(List.of(), ""));
    }

    private static Finding finding(Pathology pathology) {
        return new Finding("m", pathology, Severity.WARNING, 0, 0, 0, pathology.title(), List.of(), "");
    }

    @Test
    void picksTheRootCauseInCausalOrderWhateverTheOrderFound() {
        DiagnosisReport report = new Ranking().rank("c", List.of(diagnosis(Ailment.DEAD_UNITS, Level.ERROR),
                diagnosis(Ailment.VANISHING_GRADIENTS, Level.WARNING), diagnosis(Ailment.SYMMETRIC_UNITS, Level.ERROR)),
                List.of(), VITALS);

        assertThat(report.primary().ailment()).isEqualTo(Ailment.SYMMETRIC_UNITS);
        assertThat(report.explained()).extracting(Diagnosis::ailment)
                .containsExactly(Ailment.VANISHING_GRADIENTS, Ailment.DEAD_UNITS);
        assertThat(report.independent()).isEmpty();
    }

    @Test
    void keepsWhatThePrimaryDoesNotExplainAsIndependentProblems() {
        DiagnosisReport report = new Ranking().rank("c", List.of(diagnosis(Ailment.LEARNING_RATE_TOO_HIGH, Level.ERROR),
                diagnosis(Ailment.SATURATION, Level.WARNING)), List.of(), VITALS);

        assertThat(report.primary().ailment()).isEqualTo(Ailment.SATURATION);
        assertThat(report.independent()).extracting(Diagnosis::ailment).containsExactly(Ailment.LEARNING_RATE_TOO_HIGH);
    }

    @Test
    void attachesTheMonitorsFindingsToTheDiagnosisThatExplainsThem() {
        List<Finding> findings = List.of(finding(Pathology.SYMMETRY), finding(Pathology.DEAD_UNITS),
                finding(Pathology.VANISHING_GRADIENTS), finding(Pathology.NON_FINITE));
        DiagnosisReport report = new Ranking().rank("c", List.of(diagnosis(Ailment.SYMMETRIC_UNITS, Level.ERROR)),
                findings, VITALS);

        assertThat(report.primary().explains()).extracting(Finding::pathology)
                .containsExactly(Pathology.SYMMETRY, Pathology.DEAD_UNITS, Pathology.VANISHING_GRADIENTS);
        assertThat(report.unexplained()).extracting(Finding::pathology).containsExactly(Pathology.NON_FINITE);
    }

    @Test
    void aNetworkWithOnlyInformationHasNoPrimaryDiagnosis() {
        DiagnosisReport report = new Ranking().rank("c", List.of(diagnosis(Ailment.SATURATION, Level.INFO)), List.of(),
                VITALS);

        assertThat(report.primary()).isNull();
        assertThat(report.healthy()).isTrue();
        assertThat(report.independent()).hasSize(1);
    }
}
