package io.trainscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnoseCommandTest {

    private static final String ZERO_INIT = """
            name: zeros
            data: {source: gaussian-classification, samples: 320, features: 12, classes: 3, labels: linear,
                   split: {train: 0.75, validation: 0.25}}
            model: {hidden: [12, 12], activation: tanh, init: zeros}
            training: {optimizer: {name: sgd, learning-rate: 0.1}, batch-size: 32, seed: 1}
            """;

    @TempDir
    static Path dir;
    private static CliRun fixed;

    @BeforeAll
    static void diagnoseAndFixAZeroInitializedNetwork() throws IOException {
        Path config = Files.writeString(dir.resolve("zeros.yaml"), ZERO_INIT);
        fixed = CliRun.of("diagnose", config.toString(), "--iterations", "8", "--fix", "--epochs", "2", "--rounds", "2",
                "-o", dir.resolve("out").toString());
    }

    private static Path folder() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("zeros-diagnosis-")).findFirst().orElseThrow();
        }
    }

    @Test
    void namesTheRootCauseWithItsPrescriptionAndFailsOnAnError() {
        assertThat(fixed.out()).contains("root cause:", "ERROR symmetric-units (hidden-0, hidden-1)",
                "model.init: xavier-normal", "vitals: gradient ratio");
        assertThat(fixed.err()).contains("trainscope: failing because of --fail-on error: ERROR symmetric-units");
        assertThat(fixed.status()).isEqualTo(TrainscopeCli.FAILED);
    }

    @Test
    void writesDiagnosisJsonAndAPage() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new ObjectMapper().readValue(folder().resolve("diagnosis.json").toFile(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> primary = (Map<String, Object>) json.get("primary");
        assertThat(primary).containsEntry("pathology", "symmetric-units").containsEntry("severity", "error");
        assertThat(json).containsKeys("explained", "independent", "vitals", "cure");
        assertThat(Files.readString(folder().resolve("diagnosis.html"))).contains("Root cause", "Symmetric units",
                "model.init: xavier-normal", "Cure (--fix)");
    }

    @Test
    void fixKeepsThePrescriptionThatHelpsAndWritesTheCuredConfigWithAComment() throws IOException {
        assertThat(fixed.out()).contains("cure (--fix):", "model.init: xavier-normal cures symmetric-units",
                "gradient ratio (first/last hidden)", "validation accuracy after 2 epochs");
        String cured = Files.readString(folder().resolve("cured.yaml"));
        assertThat(cured).contains("init: xavier-normal  # diagnose --fix: cures symmetric-units")
                .doesNotContain("monitors", "variance-flow");
        assertThat(CliRun.of("diagnose", folder().resolve("cured.yaml").toString(), "--iterations", "8", "-o",
                dir.resolve("again").toString()).status()).isEqualTo(TrainscopeCli.OK);
    }

    @Test
    void fixComparesAFullBatchConfigWithoutAValidationSplitOnTheShareItHoldsOut() throws IOException {
        Path config = Files.writeString(dir.resolve("full-batch.yaml"), """
                name: full-batch
                data: {source: gaussian-classification, samples: 200, features: 8, classes: 2, labels: linear}
                model: {hidden: [8, 8, 8, 8], activation: sigmoid, init: {name: normal, std: 3.0}}
                training: {optimizer: {name: sgd, learning-rate: 0.1}, batch-size: 200, seed: 1}
                """);
        CliRun run = CliRun.of("diagnose", config.toString(), "--iterations", "4", "--fix", "--epochs", "1",
                "--rounds", "1", "-o", dir.resolve("full").toString());
        assertThat(run.err()).doesNotContain("training.batch-size");
        assertThat(run.out()).contains("cure (--fix):", "validation accuracy after 1 epochs");
        assertThat(run.status()).isNotEqualTo(TrainscopeCli.BAD_INPUT);
    }

    @Test
    void failOnNeverExitsZeroAndBadInputExitsTwo() throws IOException {
        Path config = Files.writeString(dir.resolve("never.yaml"), ZERO_INIT);
        CliRun never = CliRun.of("diagnose", config.toString(), "--iterations", "4", "--fail-on", "never", "-o",
                dir.resolve("never").toString());
        assertThat(never.status()).isEqualTo(TrainscopeCli.OK);

        CliRun missing = CliRun.of("diagnose", dir.resolve("nowhere.yaml").toString());
        assertThat(missing.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(missing.err()).contains("nowhere.yaml: no such file or folder");

        CliRun level = CliRun.of("diagnose", config.toString(), "--fail-on", "sometimes");
        assertThat(level.err()).contains("--fail-on: unknown level 'sometimes'; use info, warning, error or never");
        assertThat(level.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
    }

    @Test
    void trainWithTheDefaultMonitorsNamesAZeroInitializationAndPointsToDiagnoseWhichFillsTheRunsReport()
            throws IOException {
        Path config = Files.writeString(dir.resolve("plain.yaml"), ZERO_INIT.replace("name: zeros", "name: plain"));
        CliRun train = CliRun.of("train", config.toString(), "--epochs", "1", "-o", dir.resolve("runs").toString());
        assertThat(train.out()).contains("symmetry", "something looks wrong: 'trainscope diagnose "
                + config + "'");
        Path run;
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            run = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }

        CliRun diagnose = CliRun.of("diagnose", run.toString(), "--iterations", "4", "--fail-on", "never");

        assertThat(diagnose.status()).isEqualTo(TrainscopeCli.OK);
        assertThat(run.resolve("diagnosis.json")).exists();
        assertThat(Files.readString(run.resolve("report.html"))).contains("id=\"diagnosis\"", "Symmetric units");
    }
}
