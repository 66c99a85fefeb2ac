package io.trainscope.cli;

import io.trainscope.core.sweep.SweepFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code trainscope train} on a config with a sweep section: the table, the sweep folder, resume, and bad values. */
class SweepCliTest {

    private static final String CONFIG = """
            name: acts
            data: {source: gaussian-classification, samples: 120, features: 6, labels: linear,
                   split: {validation: 0.25, test: 0.25}}
            model: {hidden: [8, 8], init: xavier-normal}
            training: {optimizer: {name: adam, learning-rate: 0.01}, epochs: 2, batch-size: 20, seed: 4}
            monitors: [{name: gradient-norms, every: 2}, dead-neurons]
            sweep:
              model.activation: [tanh, relu]
            """;

    @TempDir
    static Path dir;
    private static CliRun run;
    private static Path sweep;

    @BeforeAll
    static void trainTheSweep() throws IOException {
        Path config = dir.resolve("acts.yaml");
        Files.writeString(config, CONFIG);
        run = CliRun.of("train", config.toString(), "-o", dir.resolve("runs").toString(), "--quiet");
        try (Stream<Path> entries = Files.list(dir.resolve("runs"))) {
            sweep = entries.findFirst().orElseThrow();
        }
    }

    @Test
    void trainsEveryCombinationAndPrintsTheTableWithTheSweepFoldersFiles() {
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("starting run 1 of 2: acts-tanh (model.activation = tanh)",
                "starting run 2 of 2: acts-relu (model.activation = relu)", "sweep of 2 runs (data loaded 1 time):",
                "model.activation  status     test accuracy  best validation (epoch)  epochs  training loss",
                "folder: " + sweep, "table: " + sweep.resolve(SweepFolder.TABLE), "report: " + sweep.resolve(SweepFolder.COMPARISON));
        assertThat(run.out()).containsPattern("\\n  tanh\\s+completed\\s+\\d+\\.\\d%\\s+\\d+\\.\\d% \\(\\d\\)\\s+2\\s+");
        assertThat(sweep.resolve(SweepFolder.COMPARISON)).isRegularFile();
        assertThat(sweep.resolve(SweepFolder.TABLE)).content().contains("| tanh | completed |", "| relu | completed |");
    }

    @Test
    void resumingAFinishedSweepTrainsNothingAndPrintsItsTableAgain() {
        CliRun again = CliRun.of("train", "--resume", sweep.toString(), "--quiet");

        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).contains("run 1: acts-tanh was done before (completed)",
                "run 2: acts-relu was done before (completed)", "sweep of 2 runs (data loaded 0 times):")
                .doesNotContain("starting run");
    }

    @Test
    void aSweepBeingResumedKeepsItsSettings() {
        CliRun changed = CliRun.of("train", "--resume", sweep.toString(), "--epochs", "5", "--quiet");

        assertThat(changed.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(changed.err()).isEqualTo("trainscope: error: --epochs and --seed cannot change a sweep being resumed; "
                + "it continues with the settings it started with" + System.lineSeparator());
    }

    @Test
    void aSweepValueNamingAnUnknownPluginIsOneLineAndStatusTwoBeforeAnythingTrains() throws IOException {
        Path config = dir.resolve("typo.yaml");
        Files.writeString(config, CONFIG.replace("[tanh, relu]", "[tanh, rellu]"));

        CliRun bad = CliRun.of("train", config.toString(), "-o", dir.resolve("typo-runs").toString(), "--quiet");

        assertThat(bad.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(bad.err()).startsWith("trainscope: error: sweep entry model.activation = rellu: model.activation: "
                + "unknown activation 'rellu'; did you mean 'relu'?").hasLineCount(1);
        assertThat(dir.resolve("typo-runs")).doesNotExist();
    }
}
