package io.trainscope.core.training;

import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.checkpoint.CheckpointStore;
import io.trainscope.core.run.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Early stopping stops after {@code patience} epochs without improvement and ends the run with the
 * best epoch's weights, which the test evaluation then uses. With {@code min-delta: 1000} no epoch
 * after the first can improve the validation loss by enough, so the first epoch is the best by
 * construction and its weights are those of a one-epoch run with the same seed.
 */
class EarlyStoppingTest {

    private static final String CONFIG = """
            name: early
            data: {source: gaussian-classification, samples: 300, features: 6, labels: linear, split: {validation: 0.2, test: 0.2}}
            model: {hidden: [12], activation: tanh, init: xavier-normal}
            training: {optimizer: {name: adam, learning-rate: 0.02}, epochs: %d, batch-size: 20, seed: 8%s}
            monitors: []
            """;
    private static final String EARLY = ", early-stopping: {metric: validation.loss, patience: 2, min-delta: 1000}";

    private static float[] firstEpochWeights;
    private static Map<String, Double> firstEpochTest;

    @BeforeAll
    static void trainOneEpoch() {
        TrainingResult one = train(CONFIG.formatted(1, ""), RunOptions.inMemory(null));
        firstEpochWeights = one.network().network().params().toFloatVector();
        firstEpochTest = one.test().metrics();
    }

    private static TrainingResult train(String yaml, RunOptions options) {
        return TestTrainscope.get().trainer().train(TestTrainscope.resolve(yaml), options);
    }

    @Test
    void aRunStopsAfterPatienceEpochsWithoutImprovementAndEndsWithTheBestEpochsWeights(@TempDir Path root)
            throws Exception {
        TrainingResult three = train(CONFIG.formatted(3, ""), RunOptions.inMemory(null));
        assertThat(three.network().network().params().toFloatVector()).as("training went on after the first epoch")
                .isNotEqualTo(firstEpochWeights);

        TrainingResult stopped = train(CONFIG.formatted(10, EARLY), RunOptions.defaults().withOutputRoot(root).withReport(false));

        assertThat(stopped.outcome()).isEqualTo(Outcome.EARLY_STOPPED);
        assertThat(stopped.failed()).isFalse();
        assertThat(stopped.epochs()).isEqualTo(3);
        assertThat(stopped.reason()).startsWith("no improvement of validation.loss for 2 epochs; best ").endsWith(" at epoch 1");
        assertThat(stopped.network().network().params().toFloatVector()).containsExactly(firstEpochWeights);
        assertThat(stopped.test().metrics()).isEqualTo(firstEpochTest).isNotEqualTo(three.test().metrics());
        assertThat(CheckpointStore.read(stopped.directory().resolve("checkpoints/best.zip")).params().toFloatVector())
                .containsExactly(firstEpochWeights);
        assertThat(RunFolderAndResumeTest.runJson(stopped.directory()).get("status").asText()).isEqualTo("early_stopped");
        assertThat(RunFolderAndResumeTest.values(stopped.directory(), "epoch.train.loss")).hasSize(3);
    }

    @Test
    void aRunResumedAfterACrashStillEndsWithTheBestWeightsItFoundBeforeIt(@TempDir Path root) {
        TrainingProgress crashInThirdEpoch = new TrainingProgress() {
            @Override
            public void batchDone(int epoch, int batch, double loss, int examples) {
                if (epoch == 2) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        TrainingResult interrupted = train(CONFIG.formatted(10, EARLY), RunOptions.defaults().withOutputRoot(root)
                .withReport(false).withProgress(crashInThirdEpoch));
        assertThat(interrupted.outcome()).isEqualTo(Outcome.FAILED);

        TrainingResult resumed = TestTrainscope.get().trainer().resume(interrupted.directory(),
                RunOptions.defaults().withReport(false));

        assertThat(resumed.outcome()).isEqualTo(Outcome.EARLY_STOPPED);
        assertThat(resumed.epochs()).isEqualTo(3);
        assertThat(resumed.network().network().params().toFloatVector())
                .as("the best weights come back from best.zip, not from the resumed process's memory")
                .containsExactly(firstEpochWeights);
        assertThat(resumed.test().metrics()).isEqualTo(firstEpochTest);
        assertThat(interrupted.directory().resolve(RunFolder.CHECKPOINTS).resolve(CheckpointStore.BEST)).exists();
    }
}
