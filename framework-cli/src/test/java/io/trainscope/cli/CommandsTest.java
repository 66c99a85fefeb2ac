package io.trainscope.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands a user runs after training, and train's own overrides, invoked as a user would:
 * {@code train --seed/--epochs}, {@code train --resume} of an interrupted run, {@code compare},
 * {@code plugins --family/--classes} and {@code env}. One pair of tiny runs serves them all.
 */
class CommandsTest {

    @TempDir
    static Path root;
    private static CliRun trained;
    private static List<Path> runs;

    @BeforeAll
    static void trainTwoSeedsForOneEpochInsteadOfTheConfigsThree() throws IOException {
        Path config = Files.writeString(root.resolve("tiny.yaml"), """
                name: tiny
                data: {source: iris, split: {train: 0.6, validation: 0.2, test: 0.2}}
                model: {hidden: [4]}
                training: {epochs: 3, batch-size: 30, seed: 7}
                monitors: []
                """);
        trained = CliRun.of("train", config.toString(), "-o", root.resolve("runs").toString(), "-q", "--no-report",
                "--seed", "1,2", "--epochs", "2");
        try (Stream<Path> folders = Files.list(root.resolve("runs"))) {
            runs = folders.sorted().toList();
        }
    }

    @Test
    void seedAndEpochsOverrideTheConfig() {
        assertThat(trained.status()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("(seed 1): completed after 2 epochs", "(seed 2): completed after 2 epochs")
                .doesNotContain("seed 7");
        assertThat(runs).extracting(p -> p.getFileName().toString())
                .satisfiesExactly(a -> assertThat(a).startsWith("tiny-seed1-"), b -> assertThat(b).startsWith("tiny-seed2-"));
    }

    @Test
    void resumeContinuesAnInterruptedRunFromItsNewestCheckpointAndRefusesAFinishedOne() throws IOException {
        CliRun finished = CliRun.of("train", "--resume", runs.get(0).toString(), "-q");
        assertThat(finished.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(finished.err()).contains("already completed its 2 epochs");

        Path interrupted = root.resolve("interrupted");
        Files.createDirectories(interrupted.resolve("checkpoints"));
        for (String file : List.of("config.yaml", "run.json", "metrics.jsonl", "findings.json", "checkpoints/epoch-0001.zip")) {
            if (Files.exists(runs.get(1).resolve(file))) {
                Files.copy(runs.get(1).resolve(file), interrupted.resolve(file));
            }
        }
        CliRun resumed = CliRun.of("train", "--resume", interrupted.toString(), "-q", "--no-report");
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("(seed 2): completed after 2 epochs", "folder: " + interrupted);
        assertThat(interrupted.resolve("checkpoints/epoch-0002.zip")).exists();
    }

    @Test
    void compareShowsTheRunsSideBySide() {
        CliRun compare = CliRun.of("compare", runs.get(0).toString(), runs.get(1).toString());
        assertThat(compare.status()).as(compare.err()).isZero();
        assertThat(compare.out()).contains(runs.get(0).getFileName().toString(), runs.get(1).getFileName().toString(),
                "completed");
    }

    @Test
    void pluginsListsOneFamilyWithClassesAndWhereTheyCameFrom() {
        CliRun plugins = CliRun.of("plugins", "--family", "initializer", "--classes");
        assertThat(plugins.status()).isZero();
        assertThat(plugins.out()).startsWith("initializers (").contains("he-normal",
                "class io.trainscope.plugins.init.").contains(" from ").doesNotContain("monitors (", "activations (");
    }

    @Test
    void envPrintsTheMachineAndTheNativeSettings() {
        CliRun env = CliRun.of("env");
        assertThat(env.status()).as(env.err()).isZero();
        assertThat(env.out()).contains("cpu:", "java:", "nd4j backend:", "OMP_NUM_THREADS", "trainscope's choice for "
                + "this machine").containsPattern("gemm 256x784x512 \\(float32, median of 15\\): [0-9.]+ GFLOP/s, correct");
    }
}
