package io.trainscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code train --resume} with {@code --epochs} and {@code --seed}, and the exit status of a run
 * that diverged: the flags are honoured or refused with one line, never ignored.
 */
class ResumeCliTest {

    private static final String TWO_EPOCHS = """
            name: resumable
            data: {source: gaussian-classification, samples: 64, features: 4, labels: linear}
            model: {hidden: [5]}
            training: {optimizer: {name: adam, learning-rate: 0.01}, epochs: 2, batch-size: 16, seed: 8}
            monitors: []
            """;

    @TempDir
    static Path root;
    private static Path run;

    @BeforeAll
    static void trainTwoEpochs() throws IOException {
        Path config = root.resolve("resumable.yaml");
        Files.writeString(config, TWO_EPOCHS);
        CliRun trained = CliRun.of("train", config.toString(), "-o", root.resolve("runs").toString(), "--no-report", "-q");
        assertThat(trained.status()).as(trained.err()).isZero();
        try (Stream<Path> runs = Files.list(root.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
    }

    private static JsonNode runJson() throws IOException {
        return new ObjectMapper().readTree(run.resolve("run.json").toFile());
    }

    @Test
    void resumeRefusesAnotherSeedAndSeveralSeedsAndAFinishedRunWithOneLine() {
        CliRun otherSeed = CliRun.of("train", "--resume", run.toString(), "--seed", "9", "--epochs", "3", "-q");
        assertThat(otherSeed.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(otherSeed.err()).isEqualTo("trainscope: error: cannot resume run " + run + " with seed 9: it was trained "
                + "with seed 8 and a resumed run keeps its seed; start a new run to train with seed 9"
                + System.lineSeparator());

        CliRun seeds = CliRun.of("train", "--resume", run.toString(), "--seed", "8,9", "-q");
        assertThat(seeds.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(seeds.err()).startsWith("trainscope: error: --seed 8,9 lists several seeds, but --resume continues one run");

        CliRun finished = CliRun.of("train", "--resume", run.toString(), "-q");
        assertThat(finished.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(finished.err()).as("2 epochs, or 3 once the other test extended it")
                .containsPattern("already completed its [23] epochs; nothing to resume");
    }

    @Test
    void resumeWithMoreEpochsAndTheRunsOwnSeedExtendsTheRun() throws IOException {
        CliRun extended = CliRun.of("train", "--resume", run.toString(), "--epochs", "3", "--seed", "8", "--no-report", "-q");

        assertThat(extended.status()).as(extended.err()).isZero();
        JsonNode json = runJson();
        assertThat(json.get("epochs_completed").asInt()).isEqualTo(3);
        assertThat(json.get("resumed").get(0).get("epochs").asInt()).isEqualTo(3);
    }

    @Test
    void aRunThatDivergedExitsWithStatusOneWithoutFailOn(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("diverging.yaml");
        Files.writeString(config, TWO_EPOCHS.replace("{name: adam, learning-rate: 0.01}", "{name: sgd, learning-rate: 1.0e+30}"));

        CliRun diverged = CliRun.of("train", config.toString(), "-o", dir.toString(), "--no-report", "-q");

        assertThat(diverged.status()).isEqualTo(TrainscopeCli.FAILED);
        assertThat(diverged.out()).contains(": failed after ");
    }
}
