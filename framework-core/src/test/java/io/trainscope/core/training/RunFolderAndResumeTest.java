package io.trainscope.core.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a run writes to its folder, and resuming a run from its checkpoints. */
class RunFolderAndResumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String FOUR_EPOCHS = """
            name: resumable
            data: {source: gaussian-classification, samples: 240, features: 6, labels: linear, split: {validation: 0.25}}
            model: {hidden: [12, 8], activation: tanh, init: xavier-normal}
            training: {optimizer: {name: adam, learning-rate: 0.01}, epochs: 4, batch-size: 16, seed: 21}
            monitors: [{name: gradient-norms, every: 5}, dead-neurons]
            """;

    private static TrainingResult train(String yaml, RunOptions options) {
        return TestTrainscope.get().trainer().train(TestTrainscope.resolve(yaml), options);
    }

    @Test
    void aRunWritesItsConfigMetadataMetricsFindingsAndCheckpoints(@TempDir Path root) throws Exception {
        TrainingResult result = train(FOUR_EPOCHS, RunOptions.defaults().withOutputRoot(root));
        Path dir = result.directory();
        assertThat(dir.getFileName().toString()).matches("resumable-\\d{8}-\\d{6}");
        assertThat(dir.resolve(RunFolder.CONFIG)).exists();
        assertThat(new ConfigLoader().load(dir.resolve(RunFolder.CONFIG)).training().epochs()).isEqualTo(4);

        JsonNode run = JSON.readTree(dir.resolve(RunFolder.RUN).toFile());
        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(run.get("seed").asLong()).isEqualTo(21);
        assertThat(run.get("environment").get("cpu").asText()).isNotBlank();
        assertThat(run.get("network").get("layers")).hasSize(3);

        List<String> lines = Files.readAllLines(dir.resolve(RunFolder.METRICS));
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            JsonNode m = JSON.readTree(line);
            assertThat(m.has("run") && m.has("iteration") && m.has("epoch") && m.has("monitor") && m.has("metric")).isTrue();
            assertThat(m.has("value") || m.has("histogram")).isTrue();
        });
        assertThat(lines).anyMatch(l -> l.contains("\"metric\":\"layer.gradient.norm\""))
                .anyMatch(l -> l.contains("\"metric\":\"validation.accuracy\""));

        assertThat(JSON.readTree(dir.resolve(RunFolder.FINDINGS).toFile()).get("findings").isArray()).isTrue();
        try (Stream<Path> files = Files.list(dir.resolve(RunFolder.CHECKPOINTS))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("epoch-0002.zip", "epoch-0003.zip", "epoch-0004.zip");
        }
    }

    @Test
    void aRunStoppedAfterEpochTwoOfFourAndResumedEndsWithBitIdenticalWeights(@TempDir Path root) {
        TrainingResult uninterrupted = train(FOUR_EPOCHS, RunOptions.defaults().withOutputRoot(root.resolve("a")));
        float[] expected = uninterrupted.network().network().params().toFloatVector();

        TrainingProgress crashAtThirdEpoch = new TrainingProgress() {
            @Override
            public void epochStarted(int epoch, int batches) {
                if (epoch == 2) {
                    throw new IllegalStateException("simulated crash before epoch 3");
                }
            }
        };
        TrainingResult interrupted = train(FOUR_EPOCHS, RunOptions.defaults().withOutputRoot(root.resolve("b"))
                .withProgress(crashAtThirdEpoch));
        assertThat(interrupted.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(interrupted.network().network().params().toFloatVector()).isNotEqualTo(expected);

        TrainingResult resumed = TestTrainscope.get().trainer().resume(interrupted.directory(), RunOptions.defaults());
        assertThat(resumed.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(resumed.epochs()).isEqualTo(4);
        assertThat(resumed.iterations()).isEqualTo(uninterrupted.iterations());
        assertThat(resumed.network().network().params().toFloatVector()).containsExactly(expected);
    }

    @Test
    void resumingACompletedRunSaysThereIsNothingToDo(@TempDir Path root) {
        TrainingResult done = train(FOUR_EPOCHS.replace("epochs: 4", "epochs: 1"), RunOptions.defaults().withOutputRoot(root));
        assertThatThrownBy(() -> TestTrainscope.get().trainer().resume(done.directory(), RunOptions.defaults()))
                .hasMessageContaining("already completed its 1 epochs; nothing to resume");
    }

    @Test
    void resumeFallsBackToThePreviousCheckpointWhenTheNewestIsCorrupt(@TempDir Path root) throws Exception {
        TrainingProgress crashAtFourthEpoch = new TrainingProgress() {
            @Override
            public void epochStarted(int epoch, int batches) {
                if (epoch == 3) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        TrainingResult interrupted = train(FOUR_EPOCHS, RunOptions.defaults().withOutputRoot(root)
                .withProgress(crashAtFourthEpoch));
        Path newest = interrupted.directory().resolve("checkpoints/epoch-0003.zip");
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        TrainingResult resumed = TestTrainscope.get().trainer().resume(interrupted.directory(), RunOptions.defaults());
        assertThat(resumed.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(resumed.epochs()).isEqualTo(4);
    }
}
