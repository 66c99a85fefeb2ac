package io.trainscope.core.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.testplugins.CountingMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a run writes to its folder, and resuming a run from its checkpoints. The interrupted runs
 * crash by an exception from their progress receiver; each test checks that the resumed process
 * trained only what was left (a counting monitor sees the iterations and epochs it ran), so a
 * resume that retrained from scratch with the same seed would fail them.
 */
class RunFolderAndResumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 180 training examples in batches of 16: 12 iterations per epoch, 48 in all. */
    private static final String FOUR_EPOCHS = """
            name: resumable
            data: {source: gaussian-classification, samples: 240, features: 6, labels: linear, split: {validation: 0.25}}
            model: {hidden: [12, 8], activation: tanh, init: xavier-normal}
            training: {optimizer: {name: adam, learning-rate: 0.01}, epochs: 4, batch-size: 16, seed: 21}
            monitors: [{name: gradient-norms, every: 5}, dead-neurons, {name: test-counting, every: 1}]
            """;
    private static final int PER_EPOCH = 12;

    @TempDir
    static Path shared;
    private static TrainingResult uninterrupted;
    private static float[] expected;

    @BeforeAll
    static void trainWithoutInterruption() {
        uninterrupted = train(FOUR_EPOCHS, options(shared.resolve("uninterrupted")));
        expected = uninterrupted.network().network().params().toFloatVector();
    }

    private static TrainingResult train(String yaml, RunOptions options) {
        return TestTrainscope.get().trainer().train(TestTrainscope.resolve(yaml), options);
    }

    private static TrainingResult resume(Path dir, ResumeOptions resume) {
        return TestTrainscope.get().trainer().resume(dir, options(null), resume);
    }

    private static RunOptions options(Path root) {
        return RunOptions.defaults().withOutputRoot(root).withReport(false);
    }

    /** Throws from the progress receiver when batch {@code batch} of epoch {@code epoch} is done. */
    private static TrainingProgress crashAfter(int epoch, int batch) {
        return new TrainingProgress() {
            @Override
            public void batchDone(int e, int b, double loss, int examples) {
                if (e == epoch && b == batch) {
                    throw new IllegalStateException("simulated crash in epoch " + e + ", batch " + b);
                }
            }
        };
    }

    @Test
    void aRunWritesItsConfigMetadataMetricsFindingsAndCheckpoints() throws Exception {
        Path dir = uninterrupted.directory();
        assertThat(dir.getFileName().toString()).matches("resumable-\\d{8}-\\d{6}");
        assertThat(new ConfigLoader().load(dir.resolve(RunFolder.CONFIG)).training().epochs()).isEqualTo(4);

        JsonNode run = runJson(dir);
        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(run.get("failed").asBoolean()).isFalse();
        assertThat(run.get("seed").asLong()).isEqualTo(21);
        assertThat(run.get("environment").get("cpu").asText()).isNotBlank();
        assertThat(run.get("network").get("layers")).hasSize(3);
        assertThat(run.has("resumed")).isFalse();

        List<String> lines = Files.readAllLines(dir.resolve(RunFolder.METRICS));
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            JsonNode m = JSON.readTree(line);
            assertThat(m.has("run") && m.has("iteration") && m.has("epoch") && m.has("monitor") && m.has("metric")).isTrue();
            assertThat(m.has("value") || m.has("histogram")).isTrue();
        });
        assertThat(lines).anyMatch(l -> l.contains("\"metric\":\"layer.gradient.norm\""))
                .anyMatch(l -> l.contains("\"metric\":\"validation.accuracy\""));
        assertThat(JSON.readTree(dir.resolve(RunFolder.FINDINGS).toFile()).get("findings").isArray()).isTrue();
        assertThat(checkpointFiles(dir)).containsExactly("epoch-0002.zip", "epoch-0003.zip", "epoch-0004.zip");
    }

    @Test
    void aResumedRunTrainsOnlyWhatWasLeftAndEndsBitIdenticalToAnUninterruptedRun(@TempDir Path root) throws Exception {
        TrainingResult interrupted = train(FOUR_EPOCHS, options(root).withProgress(crashAfter(2, 5)));
        Path dir = interrupted.directory();
        assertThat(interrupted.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(interrupted.failed()).isTrue();
        assertThat(runJson(dir).get("failed").asBoolean()).isTrue();
        assertThat(lossIterations(dir)).as("the crashed run recorded six iterations past its checkpoint")
                .containsExactlyElementsOf(range(0, 2 * PER_EPOCH + 6));
        String started = runJson(dir).get("started").asText();

        TrainingResult resumed = resume(dir, ResumeOptions.NONE);

        CountingMonitor counted = CountingMonitor.LAST;
        assertThat(counted.epochStarts).containsExactly(2, 3);
        assertThat(counted.updateIterations).containsExactlyElementsOf(range(2 * PER_EPOCH, 4 * PER_EPOCH));
        assertThat(resumed.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(resumed.failed()).isFalse();
        assertThat(resumed.epochs()).isEqualTo(4);
        assertThat(resumed.iterations()).isEqualTo(4 * PER_EPOCH);
        assertThat(resumed.network().network().params().toFloatVector()).containsExactly(expected);

        assertThat(lossIterations(dir)).as("metrics.jsonl was cut back to the checkpoint: no iteration twice or missing")
                .containsExactlyElementsOf(range(0, 4 * PER_EPOCH));
        assertThat(values(dir, "epoch.train.loss")).containsExactlyElementsOf(values(uninterrupted.directory(), "epoch.train.loss"));
        assertThat(values(dir, "validation.loss")).containsExactlyElementsOf(values(uninterrupted.directory(), "validation.loss"));
        JsonNode run = runJson(dir);
        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(run.get("failed").asBoolean()).isFalse();
        assertThat(run.get("epochs_completed").asInt()).isEqualTo(4);
        assertThat(run.get("iterations").asLong()).isEqualTo(4 * PER_EPOCH);
        assertThat(run.get("started").asText()).isEqualTo(started);
        assertThat(run.get("resumed")).singleElement().satisfies(r -> {
            assertThat(r.get("checkpoint").asText()).isEqualTo("checkpoints/epoch-0002.zip");
            assertThat(r.get("epochs_completed").asInt()).isEqualTo(2);
            assertThat(r.get("iteration").asLong()).isEqualTo(2 * PER_EPOCH);
        });
    }

    @Test
    void aRunCheckpointedInsideAnEpochResumesAtThatBatchWithIdenticalWeightsAndEpochLoss(@TempDir Path root)
            throws Exception {
        String everyFive = FOUR_EPOCHS.replace("seed: 21}", "seed: 21, checkpoints: {every-iterations: 5, keep-last: 2}}");
        TrainingResult interrupted = train(everyFive, options(root).withProgress(crashAfter(2, 8)));
        Path dir = interrupted.directory();
        assertThat(checkpointFiles(dir)).containsExactly("epoch-0002-batch-000001.zip", "epoch-0002-batch-000006.zip");
        assertThat(Files.readString(dir.resolve(RunFolder.CONFIG))).contains("every-iterations: 5");

        TrainingResult resumed = resume(dir, ResumeOptions.NONE);

        CountingMonitor counted = CountingMonitor.LAST;
        assertThat(counted.epochStarts).containsExactly(2, 3);
        assertThat(counted.updateIterations).containsExactlyElementsOf(range(2 * PER_EPOCH + 6, 4 * PER_EPOCH));
        assertThat(resumed.network().network().params().toFloatVector()).containsExactly(expected);
        assertThat(lossIterations(dir)).containsExactlyElementsOf(range(0, 4 * PER_EPOCH));
        assertThat(values(dir, "epoch.train.loss")).containsExactlyElementsOf(values(uninterrupted.directory(), "epoch.train.loss"));
        assertThat(runJson(dir).get("resumed").get(0).get("batch_in_epoch").asInt()).isEqualTo(6);
    }

    @Test
    void findingsReportedBeforeACrashAreRestoredAndNotReportedAgain(@TempDir Path root) throws Exception {
        TrainingResult interrupted = train("""
                name: dead
                data: {source: test-positive, samples: 60, features: 4}
                model: {hidden: [5, 5], activation: relu, init: {name: test-dead-units, dead: [1, 3]}}
                training: {optimizer: {name: sgd, learning-rate: 0.000001}, epochs: 3, batch-size: 20, seed: 3}
                monitors: [{name: dead-neurons, threshold: 0}]
                """, options(root).withProgress(crashAfter(2, 0)));
        Path dir = interrupted.directory();
        assertThat(deadUnitFindings(dir)).hasSize(2);

        TrainingResult resumed = resume(dir, ResumeOptions.NONE);

        assertThat(resumed.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(resumed.findings()).filteredOn(f -> f.pathology().equals(Pathology.DEAD_UNITS))
                .extracting(f -> f.layer() + "@" + f.iteration()).containsExactly("0@0", "1@0");
        assertThat(deadUnitFindings(dir)).hasSize(2);
    }

    @Test
    void aFinishedRunIsExtendedToMoreEpochsAsIfItHadBeenPlannedSo(@TempDir Path root) throws Exception {
        TrainingResult two = train(FOUR_EPOCHS.replace("epochs: 4", "epochs: 2"), options(root));
        assertThat(two.outcome()).isEqualTo(Outcome.COMPLETED);

        TrainingResult extended = resume(two.directory(), ResumeOptions.NONE.withEpochs(4).withSeed(21));

        assertThat(CountingMonitor.LAST.epochStarts).containsExactly(2, 3);
        assertThat(extended.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(extended.epochs()).isEqualTo(4);
        assertThat(extended.network().network().params().toFloatVector()).containsExactly(expected);
        assertThat(new ConfigLoader().load(two.directory().resolve(RunFolder.CONFIG)).training().epochs()).isEqualTo(4);
        assertThat(lossIterations(two.directory())).containsExactlyElementsOf(range(0, 4 * PER_EPOCH));
        assertThat(runJson(two.directory()).get("resumed").get(0).get("epochs").asInt()).isEqualTo(4);
    }

    @Test
    void resumeRefusesAFinishedRunAnotherSeedAndFewerEpochsWithAMessage(@TempDir Path root) {
        TrainingResult done = train(FOUR_EPOCHS.replace("epochs: 4", "epochs: 1"), options(root));
        Path dir = done.directory();
        assertThatThrownBy(() -> resume(dir, ResumeOptions.NONE))
                .hasMessageContaining("already completed its 1 epochs; nothing to resume (give a larger number of epochs");
        assertThatThrownBy(() -> resume(dir, ResumeOptions.NONE.withEpochs(3).withSeed(5)))
                .hasMessage("cannot resume run " + dir + " with seed 5: it was trained with seed 21 and a resumed run keeps "
                        + "its seed; start a new run to train with seed 5");
        assertThatThrownBy(() -> resume(dir, ResumeOptions.NONE.withEpochs(1)))
                .hasMessage("cannot resume run " + dir + " with 1 epochs: it has already completed 1; give more than 1 "
                        + "epochs to extend it");
    }

    @Test
    void aRunThatEndedWithoutACheckpointIsNotStartedAgainByAResume(@TempDir Path root) {
        TrainingResult done = train(FOUR_EPOCHS.replace("seed: 21}",
                "seed: 21, checkpoints: {every-epochs: 0}}").replace("epochs: 4", "epochs: 1"), options(root));
        assertThatThrownBy(() -> resume(done.directory(), ResumeOptions.NONE))
                .hasMessage("cannot resume " + done.directory() + ": it has no checkpoint (checkpoints/epoch-NNNN.zip); "
                        + "checkpoints are written after every epoch unless training.checkpoints.every-epochs is 0");
    }

    @Test
    void resumeFallsBackToThePreviousCheckpointWhenTheNewestIsCorrupt(@TempDir Path root) throws Exception {
        TrainingResult interrupted = train(FOUR_EPOCHS, options(root).withProgress(crashAfter(3, 0)));
        Path newest = interrupted.directory().resolve("checkpoints/epoch-0003.zip");
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, Arrays.copyOf(bytes, bytes.length / 2));

        TrainingResult resumed = resume(interrupted.directory(), ResumeOptions.NONE);

        assertThat(resumed.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(CountingMonitor.LAST.epochStarts).containsExactly(2, 3);
        assertThat(runJson(interrupted.directory()).get("resumed").get(0).get("checkpoint").asText())
                .isEqualTo("checkpoints/epoch-0002.zip");
        assertThat(resumed.network().network().params().toFloatVector()).containsExactly(expected);
    }

    static JsonNode runJson(Path dir) throws IOException {
        return JSON.readTree(dir.resolve(RunFolder.RUN).toFile());
    }

    static List<String> checkpointFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(RunFolder.CHECKPOINTS))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".zip")).sorted().toList();
        }
    }

    /** The iterations of the {@code train.loss} lines of metrics.jsonl, in file order. */
    static List<Long> lossIterations(Path dir) throws IOException {
        return lines(dir, "train.loss").stream().map(m -> m.get("iteration").asLong()).toList();
    }

    /** The values of one metric in metrics.jsonl, in file order. */
    static List<Double> values(Path dir, String metric) throws IOException {
        return lines(dir, metric).stream().map(m -> m.get("value").asDouble()).toList();
    }

    private static List<JsonNode> lines(Path dir, String metric) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(RunFolder.METRICS))) {
            JsonNode m = JSON.readTree(line);
            if (m.get("metric").asText().equals(metric)) {
                out.add(m);
            }
        }
        return out;
    }

    private static List<JsonNode> deadUnitFindings(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(dir.resolve(RunFolder.FINDINGS).toFile()).get("findings").forEach(f -> {
            if (f.get("pathology").asText().equals(Pathology.DEAD_UNITS.id())) {
                out.add(f);
            }
        });
        return out;
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }
}
