package io.trainscope.core.training;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.checkpoint.Checkpoint;
import io.trainscope.core.checkpoint.CheckpointStore;
import io.trainscope.core.checkpoint.FiniteValues;
import io.trainscope.core.config.FaultSpec.NonFinite;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.monitor.StopSignal;
import io.trainscope.core.run.FindingLog;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.run.RunMetadata;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.trainscope.core.training.RunFolderAndResumeTest.checkpointFiles;
import static io.trainscope.core.training.RunFolderAndResumeTest.runJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code training.on-non-finite}: the first NaN is caught at the iteration where it appears, and
 * each policy does what it says: {@code stop} fails the run and keeps the last good checkpoint,
 * {@code skip-batch} puts the parameters and the optimizer state back as they were before the
 * step, {@code continue} reports once and never writes the non-finite values into a checkpoint.
 */
class NonFiniteGuardTest {

    /** 64 examples in batches of 16: 4 iterations per epoch. */
    private static final int PER_EPOCH = 4;
    private static final String BLOWN_UP = """
            name: blown-up
            data: {source: test-positive, samples: 64, features: 4}
            model: {hidden: [6, 5], activation: tanh, init: xavier-normal}
            training: {optimizer: {name: adam, learning-rate: 0.01}, epochs: 4, batch-size: 16, seed: 5,
                       checkpoints: {every-epochs: 1, keep-last: 10}, on-non-finite: POLICY}
            monitors: [{name: test-blow-up, at-epoch: 2}]
            """;

    private static BuiltNetwork tiny;

    @BeforeAll
    static void trainATinyNetwork() {
        tiny = TestTrainscope.get().trainer().train(TestTrainscope.resolve("""
                data: {source: test-positive, samples: 32, features: 3}
                model: {hidden: [4]}
                training: {optimizer: {name: adam, learning-rate: 0.01}, epochs: 1, batch-size: 16}
                monitors: []
                """), RunOptions.inMemory(new InMemoryMeasurements())).network();
    }

    private static TrainingResult train(String yaml, Path root) {
        return TestTrainscope.get().trainer().train(TestTrainscope.resolve(yaml),
                RunOptions.defaults().withOutputRoot(root).withReport(false));
    }

    private static List<Finding> nonFinite(TrainingResult run) {
        return run.findings().stream().filter(f -> f.pathology().equals(Pathology.NON_FINITE)).toList();
    }

    @Test
    void stopFailsTheRunAtTheIterationWhereNanAppearedAndKeepsTheLastGoodCheckpoint(@TempDir Path root) throws Exception {
        TrainingResult run = train(BLOWN_UP.replace("POLICY", "stop"), root);

        assertThat(run.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(run.failed()).isTrue();
        assertThat(run.reason()).isEqualTo("trainer: non-finite loss (NaN) and weights in layer hidden-0 at iteration 8 "
                + "(training.on-non-finite: stop)");
        assertThat(run.iterations()).as("stopped right after the first bad iteration").isEqualTo(2 * PER_EPOCH + 1);
        assertThat(nonFinite(run)).singleElement().satisfies(f -> {
            assertThat(f.monitor()).isEqualTo("trainer");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.iteration()).isEqualTo(2 * PER_EPOCH);
            assertThat(f.layer()).isZero();
            assertThat(f.evidence()).contains("non-finite weights after the step in: hidden-0, hidden-1, output");
        });
        assertThat(runJson(run.directory()).get("status").asText()).isEqualTo("failed");
        assertThat(runJson(run.directory()).get("failed").asBoolean()).isTrue();
        assertThat(checkpointFiles(run.directory())).containsExactly("epoch-0001.zip", "epoch-0002.zip");
        Checkpoint last = new CheckpointStore(run.directory().resolve(RunFolder.CHECKPOINTS)).latest().orElseThrow();
        assertThat(last.file().getFileName().toString()).isEqualTo("epoch-0002.zip");
        assertThat(new FiniteValues().all(last.params())).isTrue();
    }

    @Test
    void continueReportsOnceTrainsOnAndWritesNoCheckpointOfNonFiniteParameters(@TempDir Path root) throws Exception {
        TrainingResult run = train(BLOWN_UP.replace("POLICY", "continue"), root);

        assertThat(run.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(run.iterations()).isEqualTo(4 * PER_EPOCH);
        assertThat(nonFinite(run)).singleElement().satisfies(f -> {
            assertThat(f.iteration()).isEqualTo(2 * PER_EPOCH);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(checkpointFiles(run.directory())).containsExactly("epoch-0001.zip", "epoch-0002.zip");
    }

    @Test
    void skipBatchSkipsEveryPoisonedBatchAndTheNonFiniteMonitorsStopGivesWay(@TempDir Path root) throws Exception {
        TrainingResult run = train("""
                name: poisoned
                data: {source: test-positive, samples: 64, features: 4, nan-examples: 1}
                model: {hidden: [6, 5], activation: tanh, init: xavier-normal}
                training: {optimizer: {name: adam, learning-rate: 0.01}, epochs: 3, batch-size: 16, seed: 5,
                           on-non-finite: skip-batch}
                monitors: [{name: non-finite, every: 0}]
                """, root);

        assertThat(run.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(run.failed()).isFalse();
        assertThat(run.iterations()).isEqualTo(3 * PER_EPOCH);
        assertThat(runJson(run.directory()).get("skipped_batches").asLong()).as("one poisoned batch per epoch").isEqualTo(3);
        assertThat(new FiniteValues().all(run.network().network().params())).isTrue();
        assertThat(Double.isFinite(run.trainingLoss())).as("skipped batches are not in the epoch's mean loss").isTrue();
        assertThat(nonFinite(run)).as("the monitor's finding, not a second one of the trainer's").singleElement()
                .satisfies(f -> assertThat(f.monitor()).isEqualTo("non-finite"));
        assertThat(checkpointFiles(run.directory())).containsExactly("epoch-0001.zip", "epoch-0002.zip", "epoch-0003.zip");
    }

    @Test
    void skipBatchPutsBackTheParametersAndOptimizerStateOfBeforeTheStep() {
        MultiLayerNetwork net = tiny.network().clone();
        FindingLog findings = new FindingLog();
        NonFiniteGuard guard = new NonFiniteGuard(NonFinite.SKIP_BATCH, net, tiny.layout(), findings, new StopSignal(),
                new RunMetadata("r", "r", 1, tiny.layout().info(), Map.of()));
        INDArray params = net.params().dup();
        INDArray state = net.getUpdater().getStateViewArray().dup();

        guard.beforeStep();
        net.fit(batch(net, Float.NaN));
        boolean kept = guard.afterStep(net.getIterationCount() - 1, 0, net.score());

        assertThat(kept).isFalse();
        assertThat(net.params().toFloatVector()).containsExactly(params.toFloatVector());
        assertThat(net.getUpdater().getStateViewArray().toFloatVector()).containsExactly(state.toFloatVector());
        assertThat(guard.skipped()).isEqualTo(1);
        assertThat(findings.all()).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));

        guard.beforeStep();
        net.fit(batch(net, 0.5f));
        assertThat(guard.afterStep(net.getIterationCount() - 1, 0, net.score())).as("a good batch is kept").isTrue();
        assertThat(net.params().toFloatVector()).isNotEqualTo(params.toFloatVector());
    }

    @Test
    void infiniteWeightsBehindAFiniteLossAreCaughtAndTheirLayerNamed() {
        MultiLayerNetwork net = tiny.network().clone();
        FindingLog findings = new FindingLog();
        StopSignal stop = new StopSignal();
        NonFiniteGuard guard = new NonFiniteGuard(NonFinite.STOP, net, tiny.layout(), findings, stop,
                new RunMetadata("r", "r", 1, tiny.layout().info(), Map.of()));
        net.getLayer(tiny.layout().outputDl4jIndex()).getParam("W").putScalar(0, Float.POSITIVE_INFINITY);

        assertThat(guard.afterStep(7, 1, 0.25)).isTrue();

        assertThat(stop.failure()).isTrue();
        assertThat(stop.describe()).isEqualTo("trainer: non-finite weights in layer output at iteration 7 "
                + "(training.on-non-finite: stop)");
        assertThat(findings.all()).singleElement().satisfies(f -> {
            assertThat(f.summary()).isEqualTo("Non-finite weights in layer output at iteration 7: training diverged.");
            assertThat(f.layer()).isEqualTo(1);
        });
    }

    @Test
    void hugeButFiniteWeightsPassAndAnInfiniteLossBehindFiniteWeightsIsCaught() {
        MultiLayerNetwork net = tiny.network().clone();
        FindingLog findings = new FindingLog();
        StopSignal stop = new StopSignal();
        NonFiniteGuard guard = new NonFiniteGuard(NonFinite.STOP, net, tiny.layout(), findings, stop,
                new RunMetadata("r", "r", 1, tiny.layout().info(), Map.of()));
        net.params().assign(Float.MAX_VALUE);

        assertThat(guard.afterStep(3, 0, 1e30)).isTrue();
        assertThat(stop.requested()).as("finite weights and loss, however large").isFalse();
        assertThat(findings.all()).isEmpty();

        assertThat(guard.afterStep(4, 0, Double.POSITIVE_INFINITY)).isTrue();
        assertThat(stop.failure()).isTrue();
        assertThat(stop.describe()).isEqualTo("trainer: non-finite loss (Infinity) at iteration 4 "
                + "(training.on-non-finite: stop)");
    }

    /** Four examples of three features, all {@code value}, labelled with the first output unit. */
    private static DataSet batch(MultiLayerNetwork net, float value) {
        INDArray x = Nd4j.valueArrayOf(new long[]{4, 3}, value);
        INDArray y = Nd4j.zeros(4, net.layerSize(net.getnLayers() - 1));
        y.getColumn(0).assign(1);
        return new DataSet(x, y);
    }
}
