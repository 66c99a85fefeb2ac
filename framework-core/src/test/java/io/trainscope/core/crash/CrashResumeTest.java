package io.trainscope.core.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainscope.core.checkpoint.Checkpoint;
import io.trainscope.core.checkpoint.CheckpointStore;
import io.trainscope.core.run.CrashPoint;
import io.trainscope.core.run.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash and resume for real: a training JVM is killed with SIGKILL five times, at points a crash
 * point ({@link CrashPoint}) holds it at so that each kill lands where it must (before the first
 * checkpoint, while a checkpoint is half written, with half a line of {@code metrics.jsonl} on
 * disk, inside an epoch), and resumed after each kill; the run it finally completes equals an
 * uninterrupted run of the same config in its final weights and optimizer state (bit for bit) and
 * in every iteration's loss, every checkpoint left on disk loads, {@code metrics.jsonl} has each
 * iteration once, and {@code findings.json} and {@code run.json} are valid and hold no duplicate.
 * A sweep killed inside its second run resumes without training its first again.
 *
 * <p>Every JVM runs with {@code OMP_NUM_THREADS=1} (ND4J's results depend on its thread count) and
 * the same flags. Tagged {@code crash}: {@code .ci/run} runs it as its own step
 * ({@code mvn test -pl framework-core -am -Dgroups=crash -Dtrainscope.excluded-groups=}).
 */
@Tag("crash")
class CrashResumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 128 training examples in batches of 16: 8 iterations per epoch, 48 in all; a checkpoint every 5 iterations. */
    private static final String CONFIG = """
            name: crashy
            data: {source: gaussian-classification, samples: 160, features: 6, labels: linear, split: {validation: 0.2}}
            model: {hidden: [8, 6], activation: relu, init: {name: test-dead-units, dead: [1]}}
            training:
              optimizer: {name: adam, learning-rate: 0.01}
              epochs: 6
              batch-size: 16
              seed: 11
              checkpoints: {every-epochs: 1, every-iterations: 5, keep-last: 3}
            monitors: [{name: gradient-norms, every: 3}, {name: dead-neurons, threshold: 0}, non-finite]
            """;
    private static final int ITERATIONS = 48;

    @TempDir
    static Path work;
    private static Path config;
    private static Path uninterrupted;

    @BeforeAll
    static void trainWithoutInterruption() throws Exception {
        config = work.resolve("crashy.yaml");
        Files.writeString(config, CONFIG);
        Path root = work.resolve("uninterrupted");
        ChildJvm.run(null, "train", config.toString(), root.toString()).assertCompleted();
        uninterrupted = onlyFolder(root);
    }

    @Test
    void aRunKilledFiveTimesAndResumedEndsAsIfItHadNeverBeenInterrupted() throws Exception {
        Path root = work.resolve("crashed");
        ChildJvm.run("iteration:3", "train", config.toString(), root.toString()).assertKilledAt("iteration");
        Path run = onlyFolder(root);
        assertThat(positionCheckpoints(run)).as("killed before the first checkpoint").isEmpty();
        for (String hold : List.of("checkpoint-write:2", "metrics-line:100", "iteration:7", "checkpoint-write:3")) {
            String point = hold.substring(0, hold.indexOf(':'));
            ChildJvm.run(hold, "resume", run.toString()).assertKilledAt(point);
            if (point.equals("checkpoint-write")) {
                try (Stream<Path> files = Files.list(run.resolve(RunFolder.CHECKPOINTS))) {
                    assertThat(files.map(p -> p.getFileName().toString())).as("killed with a checkpoint half written")
                            .anyMatch(n -> n.endsWith(".tmp"));
                }
            }
            if (point.equals("metrics-line")) {
                byte[] metrics = Files.readAllBytes(run.resolve(RunFolder.METRICS));
                assertThat(metrics[metrics.length - 1]).as("killed with half a line of metrics.jsonl on disk")
                        .isNotEqualTo((byte) '\n');
            }
        }
        ChildJvm.run(null, "resume", run.toString()).assertCompleted();

        Checkpoint expected = CheckpointStore.read(uninterrupted.resolve("checkpoints/epoch-0006.zip"));
        Checkpoint actual = CheckpointStore.read(run.resolve("checkpoints/epoch-0006.zip"));
        assertThat(actual.params().toFloatVector()).containsExactly(expected.params().toFloatVector());
        assertThat(actual.updaterState().toFloatVector()).containsExactly(expected.updaterState().toFloatVector());
        assertThat(actual.state().iteration()).isEqualTo(ITERATIONS);

        for (Path file : positionCheckpoints(run)) {
            assertThat(CheckpointStore.read(file).params().length()).as("%s loads", file).isEqualTo(expected.params().length());
        }
        try (Stream<Path> left = Stream.concat(Files.list(run), Files.list(run.resolve(RunFolder.CHECKPOINTS)))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left").noneMatch(n -> n.endsWith(".tmp"));
        }

        assertThat(iterationsOf(run, "train.loss")).as("each iteration once, in order")
                .containsExactlyElementsOf(LongStream.range(0, ITERATIONS).boxed().toList());
        assertThat(values(run, "train.loss")).containsExactlyElementsOf(values(uninterrupted, "train.loss"));
        assertThat(values(run, "epoch.train.loss")).containsExactlyElementsOf(values(uninterrupted, "epoch.train.loss"));
        assertThat(values(run, "validation.loss")).containsExactlyElementsOf(values(uninterrupted, "validation.loss"));

        assertThat(findingKeys(run)).as("findings.json: each finding once, the uninterrupted run's findings")
                .containsExactlyInAnyOrderElementsOf(findingKeys(uninterrupted));
        JsonNode runJson = JSON.readTree(run.resolve(RunFolder.RUN).toFile());
        assertThat(runJson.get("status").asText()).isEqualTo("completed");
        assertThat(runJson.get("iterations").asLong()).isEqualTo(ITERATIONS);
        assertThat(runJson.get("resumed")).hasSize(5);
        assertThat(runJson.get("resumed").get(0).get("checkpoint").isNull()).as("started again from the beginning").isTrue();
    }

    @Test
    void aSweepKilledInsideItsSecondRunResumesWithoutTrainingTheFirstAgain() throws Exception {
        Path sweepConfig = work.resolve("sweepy.yaml");
        Files.writeString(sweepConfig, """
                name: sweepy
                data: {source: gaussian-classification, samples: 80, features: 4, labels: linear, split: {validation: 0.2}}
                model: {hidden: [5]}
                training: {optimizer: {name: adam, learning-rate: 0.01}, epochs: 2, batch-size: 16, seed: 4}
                monitors: []
                sweep:
                  training.optimizer.learning-rate: [0.01, 0.02, 0.03]
                """);
        Path root = work.resolve("sweep");
        // 4 iterations per epoch, 8 per run: the 14th iteration is the second run's 6th, after its first checkpoint
        ChildJvm.run("iteration:14", "sweep", sweepConfig.toString(), root.toString()).assertKilledAt("iteration");
        Path sweep = onlyFolder(root);
        List<Path> before = runFolders(sweep);
        assertThat(before).hasSize(2);
        String firstRunJson = Files.readString(before.get(0).resolve(RunFolder.RUN));

        ChildJvm.run(null, "resume-sweep", sweep.toString()).assertCompleted();

        List<Path> after = runFolders(sweep);
        assertThat(after).as("the killed run continued in its folder").hasSize(3).startsWith(before.get(0), before.get(1));
        assertThat(Files.readString(after.get(0).resolve(RunFolder.RUN))).as("the finished run was not trained again")
                .isEqualTo(firstRunJson);
        assertThat(JSON.readTree(after.get(1).resolve(RunFolder.RUN).toFile()).get("resumed")).hasSize(1);
        assertThat(iterationsOf(after.get(1), "train.loss")).containsExactlyElementsOf(LongStream.range(0, 8).boxed().toList());
        JsonNode state = JSON.readTree(sweep.resolve("sweep.json").toFile());
        List<String> states = new ArrayList<>();
        state.get("runs").forEach(r -> states.add(r.get("state").asText()));
        assertThat(states).containsExactly("done", "done", "done");
    }

    private static Path onlyFolder(Path root) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertThat(all).as("folders in %s", root).hasSize(1);
            return all.get(0);
        }
    }

    private static List<Path> runFolders(Path sweep) throws IOException {
        try (Stream<Path> folders = Files.list(sweep)) {
            return folders.filter(p -> Files.isRegularFile(p.resolve(RunFolder.RUN))).sorted().toList();
        }
    }

    private static List<Path> positionCheckpoints(Path run) {
        return new CheckpointStore(run.resolve(RunFolder.CHECKPOINTS)).positionFiles();
    }

    /** The lines of one metric in metrics.jsonl, in file order; every line must be whole JSON. */
    private static List<JsonNode> lines(Path run, String metric) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve(RunFolder.METRICS))) {
            JsonNode m = JSON.readTree(line);
            if (m.get("metric").asText().equals(metric)) {
                out.add(m);
            }
        }
        return out;
    }

    private static List<Long> iterationsOf(Path run, String metric) throws IOException {
        return lines(run, metric).stream().map(m -> m.get("iteration").asLong()).toList();
    }

    private static List<Double> values(Path run, String metric) throws IOException {
        return lines(run, metric).stream().map(m -> m.get("value").asDouble()).toList();
    }

    /** Monitor, pathology and layer of every finding in findings.json; a duplicate fails. */
    private static List<String> findingKeys(Path run) throws IOException {
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JSON.readTree(run.resolve(RunFolder.FINDINGS).toFile()).get("findings").forEach(f -> {
            String key = f.get("monitor").asText() + "/" + f.get("pathology").asText() + "/" + f.path("layer").asText();
            assertThat(seen.add(key)).as("finding %s is listed twice", key).isTrue();
            keys.add(key);
        });
        return keys;
    }
}
