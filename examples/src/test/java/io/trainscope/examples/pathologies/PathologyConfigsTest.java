package io.trainscope.examples.pathologies;

import io.trainscope.core.Trainscope;
import io.trainscope.core.diagnosis.ConfigSource;
import io.trainscope.core.diagnosis.Diagnoser;
import io.trainscope.core.diagnosis.Diagnosis;
import io.trainscope.core.diagnosis.DiagnosisReport;
import io.trainscope.core.diagnosis.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Diagnoses every config in {@code examples/configs/pathologies}: each names on its first line
 * ({@code # pathology: ID}) the primary diagnosis it must produce, or {@code none} for a healthy
 * network, which must get no error. Probes of {@value #ITERATIONS} iterations keep the whole test short.
 */
class PathologyConfigsTest {

    /** Enough for the training-dynamics rules (rising loss, dying units) on these small networks. */
    static final int ITERATIONS = 8;
    static final Path FOLDER = Path.of("configs/pathologies");
    static final String MARK = "# pathology: ";

    private static final Map<Path, DiagnosisReport> REPORTS = new LinkedHashMap<>();

    @BeforeAll
    static void diagnoseEveryConfig() throws IOException {
        Diagnoser diagnoser = Trainscope.create().get(Diagnoser.class);
        for (Path config : configs()) {
            REPORTS.put(config, diagnoser.diagnose(ConfigSource.load(config), ITERATIONS, null).report());
        }
    }

    static List<Path> configs() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    static String expected(Path config) throws IOException {
        String first = Files.readAllLines(config).get(0);
        assertThat(first).as(config + " names its pathology on the first line").startsWith(MARK);
        return first.substring(MARK.length()).trim();
    }

    @Test
    void thereAreAtLeastSixteenPathologicalAndSixHealthyConfigs() throws IOException {
        long healthy = 0;
        for (Path config : REPORTS.keySet()) {
            healthy += expected(config).equals("none") ? 1 : 0;
        }
        assertThat(REPORTS.size() - healthy).isGreaterThanOrEqualTo(16);
        assertThat(healthy).isGreaterThanOrEqualTo(6);
    }

    @Test
    void everyPathologicalConfigGetsItsPathologyAsThePrimaryDiagnosis() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (var e : REPORTS.entrySet()) {
            String expected = expected(e.getKey());
            String got = e.getValue().primaryDiagnosis().map(d -> d.ailment().id()).orElse("none");
            if (!expected.equals("none") && !expected.equals(got)) {
                wrong.add(e.getKey().getFileName() + ": expected " + expected + ", got " + got);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noHealthyConfigGetsAnError() throws IOException {
        List<String> alarms = new ArrayList<>();
        for (var e : REPORTS.entrySet()) {
            if (expected(e.getKey()).equals("none")) {
                for (Diagnosis d : e.getValue().atLeast(Level.ERROR)) {
                    alarms.add(e.getKey().getFileName() + ": " + d.ailment().id() + " - " + d.summary());
                }
            }
        }
        assertThat(alarms).isEmpty();
    }
}
