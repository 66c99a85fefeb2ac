package io.trainscope.core.monitors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A diverging run: the non-finite monitor says where NaN appeared first, the run stops as failed
 * ({@code training.on-non-finite: stop}), and the last good checkpoint stays.
 */
class NonFiniteMonitorTest {

    /** Two good epochs of 8 iterations, then the weights of layer 0 turn NaN (as a diverging step would leave them). */
    private static TrainingResult diverge(Path root, int every) {
        return TestTrainscope.get().trainer().train(TestTrainscope.resolve("""
                name: diverging
                data: {source: gaussian-classification, samples: 256, features: 8, labels: linear}
                model: {hidden: [16, 16], activation: tanh, init: xavier-normal}
                training:
                  optimizer: {name: sgd, learning-rate: 0.01}
                  epochs: 6
                  batch-size: 32
                  checkpoints: {every-epochs: 1, keep-last: 10}
                monitors: [{name: non-finite, every: EVERY}, {name: test-blow-up, at-epoch: 2}]
                """.replace("EVERY", Integer.toString(every))), RunOptions.defaults().withOutputRoot(root).withReport(false));
    }

    @Test
    void aDivergingRunIsStoppedWithWhereTheNanAppearedFirstAndItsGoodCheckpointsKept(@TempDir Path root) throws Exception {
        TrainingResult run = diverge(root, 1);

        assertThat(run.outcome()).as("training.on-non-finite: stop fails the run, whoever saw the NaN first")
                .isEqualTo(Outcome.FAILED);
        assertThat(run.reason()).isEqualTo("trainer: non-finite loss (NaN) and weights in layer hidden-0 at iteration 16 "
                + "(training.on-non-finite: stop)");
        assertThat(run.failed()).isTrue();
        assertThat(run.findings()).filteredOn(x -> x.pathology().equals(Pathology.NON_FINITE))
                .as("the monitor's finding, not a second one of the trainer's").singleElement()
                .satisfies(x -> assertThat(x.monitor()).isEqualTo("non-finite"));
        assertThat(new ObjectMapper().readTree(run.directory().resolve("run.json").toFile())
                .get("failed").asBoolean()).isTrue();
        Finding f = run.findings().stream().filter(x -> x.pathology().equals(Pathology.NON_FINITE)).findFirst().orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.epoch()).isEqualTo(2);
        assertThat(f.evidence()).contains("first appeared in: hidden-0: non-finite activations");
        assertThat(f.layer()).isZero();
        try (Stream<Path> files = Files.list(run.directory().resolve("checkpoints"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("epoch-0001.zip", "epoch-0002.zip");
        }
    }

    @Test
    void hugeButFiniteWeightsAreNotCalledNonFinite(@TempDir Path root) throws Exception {
        // tanh bounds every gradient, so a learning rate of 1e30 makes the weights about 1e30: huge, finite
        TrainingResult run = TestTrainscope.get().trainer().train(TestTrainscope.resolve("""
                name: huge
                data: {source: gaussian-classification, samples: 64, features: 4, labels: linear}
                model: {hidden: [6], activation: tanh, init: xavier-normal}
                training: {optimizer: {name: sgd, learning-rate: 1.0e+30}, epochs: 2, batch-size: 16}
                monitors: [{name: non-finite, every: 1}]
                """), RunOptions.defaults().withOutputRoot(root).withReport(false));

        assertThat(run.findings()).filteredOn(x -> x.pathology().equals(Pathology.NON_FINITE)).isEmpty();
        assertThat(run.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(run.iterations()).isEqualTo(8);
    }

    @Test
    void aNonFiniteLossBringsTheViewsOfItsIterationWhenNoPlannedSampleFallsThere(@TempDir Path root) {
        // every: 0 plans iteration 0 only; the NaN loss of iteration 16 (epoch 2's first) brings its views anyway
        TrainingResult run = diverge(root, 0);

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        Finding f = run.findings().stream().filter(x -> x.pathology().equals(Pathology.NON_FINITE)).findFirst().orElseThrow();
        assertThat(f.iteration()).isEqualTo(16);
        assertThat(f.evidence()).contains("first appeared in: hidden-0: non-finite activations");
        assertThat(run.iterations()).isEqualTo(17);
    }
}
