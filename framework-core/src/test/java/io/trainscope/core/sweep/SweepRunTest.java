package io.trainscope.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.run.OutputException;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.testplugins.CountingDataSource;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Training a sweep: every run in its own folder in one JVM on data loaded once, failed runs
 * recorded without stopping the others, the sweep folder's files, and resuming an interrupted sweep.
 */
class SweepRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Three runs on one data set; the third learning rate truly diverges: a linear network's first
     * step makes its weights about 1e30, so the second step's outputs (products of three layers'
     * weights) overflow to infinity and the loss to NaN. (With a bounded activation such as tanh
     * the weights would stay finite, just huge.)
     */
    private static final String THREE = """
            name: lr
            data: {source: test-counting-data, samples: 96, split: {validation: 0.25, test: 0.25}}
            model: {hidden: [6, 4], activation: identity, init: xavier-normal}
            training: {optimizer: sgd, epochs: 3, batch-size: 16, seed: 3}
            monitors: [{name: non-finite, every: 1}, {name: gradient-norms, every: 5}]
            sweep:
              training.optimizer.learning-rate: [0.05, 0.2, 1.0e+30]
            """;

    @TempDir
    static Path shared;
    private static SweepResult three;
    private static int loadsOfThree;
    private static final List<String> events = new ArrayList<>();

    @BeforeAll
    static void trainASweepOfThree() {
        int before = CountingDataSource.LOADS.get();
        three = sweeps().run(plan(THREE, Map.of()), options(shared), recording());
        loadsOfThree = CountingDataSource.LOADS.get() - before;
    }

    private static Sweeps sweeps() {
        return TestTrainscope.get().get(Sweeps.class);
    }

    private static SweepPlan plan(String yaml, Map<String, Object> overrides) {
        return sweeps().plan(yaml, "test", "test config", Path.of(""), overrides).orElseThrow();
    }

    private static RunOptions options(Path root) {
        return RunOptions.defaults().withOutputRoot(root).withReport(false);
    }

    private static SweepListener recording() {
        return new SweepListener() {
            @Override
            public void runStarting(PlannedRun run, int runs, boolean resuming) {
                events.add((resuming ? "resume " : "start ") + run.name());
            }

            @Override
            public void runAlreadyDone(PlannedRun run, RunSummary summary) {
                events.add("done before " + run.name());
            }
        };
    }

    @Test
    void trainsEveryRunInItsOwnFolderInOneJvmLoadingTheDataOnce() throws IOException {
        assertThat(loadsOfThree).as("data-source loads for a sweep of 3").isEqualTo(1);
        assertThat(three.dataLoads()).isEqualTo(1);
        assertThat(three.directory().getFileName().toString()).matches("lr-sweep-\\d{8}-\\d{6}");
        assertThat(three.state().runs()).extracting(SweepState.Run::folder).allSatisfy(folder ->
                assertThat(three.directory().resolve(folder).resolve(RunFolder.RUN)).isRegularFile());
        assertThat(three.state().runs()).extracting(SweepState.Run::folder).doesNotHaveDuplicates()
                .allMatch(f -> f.startsWith("lr-learning-rate-"));
        for (SweepState.Run r : three.state().runs()) {
            JsonNode run = JSON.readTree(three.directory().resolve(r.folder()).resolve(RunFolder.RUN).toFile());
            assertThat(run.get("seed").asLong()).as("every run has the config's seed").isEqualTo(3);
        }
    }

    @Test
    void aDivergedRunIsRecordedAsFailedAndTheOthersStillTrain() {
        List<SweepState.Run> runs = three.state().runs();
        assertThat(runs).extracting(SweepState.Run::state).containsOnly(SweepState.Run.DONE);
        assertThat(runs.get(0).summary().failed()).isFalse();
        assertThat(runs.get(1).summary().failed()).isFalse();
        assertThat(runs.get(2).summary().failed()).isTrue();
        assertThat(runs.get(2).summary().status()).as("training.on-non-finite: stop fails the run")
                .isEqualTo(RunSummary.FAILED);
        assertThat(runs.get(2).summary().reason()).contains("non-finite loss (NaN)");
        assertThat(runs.get(2).summary().pathologies()).contains("non-finite");
        assertThat(three.anyFailed()).isTrue();
        assertThat(three.table().notes()).singleElement().asString()
                .startsWith("lr-learning-rate-1.0E30: failed: trainer: non-finite loss (NaN)");
    }

    @Test
    void theTableShowsEachRunsFiguresAsItsRunFolderRecordedThem() throws IOException {
        SweepTable table = three.table();
        assertThat(table.headers()).startsWith("training.optimizer.learning-rate", "status", "test accuracy",
                "best validation (epoch)", "epochs", "training loss");
        assertThat(table.headers()).endsWith("layer.gradient.norm at initialization",
                "gradient.norm.ratio at initialization", "findings", "time");
        SweepState.Run first = three.state().runs().get(0);
        JsonNode run = JSON.readTree(three.directory().resolve(first.folder()).resolve(RunFolder.RUN).toFile());
        double accuracy = run.get("test").get("accuracy").asDouble();
        List<String> row = table.rows().get(0);
        assertThat(row.get(0)).isEqualTo("0.05");
        assertThat(row.get(1)).isEqualTo("completed");
        assertThat(row.get(2)).isEqualTo(SweepTable.number("test.accuracy", accuracy));
        assertThat(row.get(4)).isEqualTo("3");
        assertThat(first.summary().trainingLoss()).isEqualTo(run.get("final").get("training_loss").asDouble());
        assertThat(first.summary().bestEpoch()).isBetween(1, 3);
        assertThat(first.summary().seconds()).isPositive();

        double ratio = firstValue(three.directory().resolve(first.folder()), "gradient.norm.ratio");
        assertThat(first.summary().headlines()).extracting(RunSummary.Headline::metric)
                .containsExactly("layer.gradient.norm", "gradient.norm.ratio");
        assertThat(first.summary().headlines().get(1).value()).isEqualTo(ratio);
        assertThat(first.summary().headlines().get(0).layers()).containsOnlyKeys("hidden-0", "hidden-1", "output");
        assertThat(row.get(row.size() - 3)).isEqualTo(SweepTable.compact(ratio));

        String md = Files.readString(three.directory().resolve(SweepFolder.TABLE));
        assertThat(md).startsWith("# Sweep lr\n").contains("| training.optimizer.learning-rate | status | test accuracy |")
                .contains("| 0.05 | completed | " + row.get(2) + " |").contains("3 of 3 runs done");
        SweepState saved = JSON.readValue(three.directory().resolve(SweepFolder.STATE).toFile(), SweepState.class);
        assertThat(saved).isEqualTo(three.state());
        assertThat(Files.readString(three.directory().resolve(SweepFolder.CONFIG))).isEqualTo(THREE);
    }

    @Test
    void aCombinationThatCannotStartIsRecordedAsFailedAndTheNextOneTrains(@TempDir Path root) {
        // 2 examples leave none for training once validation and test have theirs
        SweepResult result = sweeps().run(plan(THREE.replace("[0.05, 0.2, 1.0e+30]", "[0.05]")
                .replace("sweep:", "sweep:\n  data.samples: [2, 96]"), Map.of()), options(root), SweepListener.NONE);

        List<SweepState.Run> runs = result.state().runs();
        assertThat(runs.get(0).summary().failed()).isTrue();
        assertThat(runs.get(0).summary().status()).isEqualTo(RunSummary.FAILED);
        assertThat(runs.get(0).summary().reason()).isEqualTo("data.split.train: leaves no training examples out of 2");
        assertThat(runs.get(1).summary().failed()).isFalse();
        assertThat(runs.get(1).summary().epochs()).isEqualTo(3);
    }

    @Test
    void anInterruptedSweepResumesWithoutRetrainingFinishedRunsAndContinuesTheInterruptedOneFromItsCheckpoint(
            @TempDir Path root) throws IOException {
        events.clear();
        SweepPlan plan = plan(THREE.replace(", 1.0e+30]", ", 0.1]"), Map.of());
        assertThatThrownBy(() -> sweeps().run(plan, options(root).withProgress(killIn("lr-learning-rate-0.2", 1)),
                recording())).isInstanceOf(SimulatedKill.class);
        Path dir = onlyEntry(root);
        SweepState interrupted = JSON.readValue(dir.resolve(SweepFolder.STATE).toFile(), SweepState.class);
        assertThat(interrupted.runs()).extracting(SweepState.Run::state)
                .containsExactly(SweepState.Run.DONE, SweepState.Run.RUNNING, SweepState.Run.PENDING);
        int before = CountingDataSource.LOADS.get();

        SweepResult resumed = sweeps().resume(dir, options(null), recording());

        assertThat(events).containsExactly("start lr-learning-rate-0.05", "start lr-learning-rate-0.2",
                "done before lr-learning-rate-0.05", "resume lr-learning-rate-0.2", "start lr-learning-rate-0.1");
        assertThat(CountingDataSource.LOADS.get() - before).isEqualTo(1);
        assertThat(resumed.state().runs()).allSatisfy(r -> {
            assertThat(r.done()).isTrue();
            assertThat(r.summary().failed()).isFalse();
            assertThat(r.summary().epochs()).isEqualTo(3);
        });
        Path second = dir.resolve(resumed.state().runs().get(1).folder());
        JsonNode run = JSON.readTree(second.resolve(RunFolder.RUN).toFile());
        assertThat(run.get("resumed")).singleElement().satisfies(r -> assertThat(r.get("epochs_completed").asInt()).isEqualTo(1));
        try (Stream<Path> folders = Files.list(dir)) {
            assertThat(folders.filter(Files::isDirectory)).as("no run trained twice").hasSize(3);
        }
        assertThat(resumed.state().runs().get(0)).isEqualTo(interrupted.runs().get(0));
    }

    @Test
    void aFullDiskStopsTheSweepNamingTheFileInsteadOfFailingEveryRunInTurn(@TempDir Path root) throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full (Linux) to stand for a full disk");
        SweepPlan plan = plan(THREE.replace(", 1.0e+30]", ", 0.1]"), Map.of());
        assertThatThrownBy(() -> sweeps().run(plan, options(root).withProgress(killIn("lr-learning-rate-0.2", 1)),
                SweepListener.NONE)).isInstanceOf(SimulatedKill.class);
        Path dir = onlyEntry(root);
        Path metrics;
        try (Stream<Path> runs = Files.list(dir)) {
            metrics = runs.filter(p -> p.getFileName().toString().startsWith("lr-learning-rate-0.2-")).findFirst()
                    .orElseThrow().resolve(RunFolder.METRICS);
        }
        Files.delete(metrics);
        Files.createSymbolicLink(metrics, full);

        assertThatThrownBy(() -> sweeps().resume(dir, options(null), SweepListener.NONE))
                .isInstanceOf(OutputException.class)
                .hasMessageStartingWith("cannot write " + metrics + ": No space left on device; free space on that disk");
        SweepState state = JSON.readValue(dir.resolve(SweepFolder.STATE).toFile(), SweepState.class);
        assertThat(state.runs()).as("resumable once there is space").extracting(SweepState.Run::state)
                .containsExactly(SweepState.Run.DONE, SweepState.Run.RUNNING, SweepState.Run.PENDING);
    }

    @Test
    void resumingAFolderThatIsNotASweepFolderSaysSo(@TempDir Path root) {
        assertThatThrownBy(() -> sweeps().resume(root, options(null), SweepListener.NONE))
                .hasMessageStartingWith(root + " is not a sweep folder (it has no sweep.json)");
        assertThat(Sweeps.isSweepFolder(three.directory())).isTrue();
        assertThat(Sweeps.isSweepFolder(root)).isFalse();
    }

    /** Stands for the process being killed: not an exception a run turns into a failed outcome. */
    static final class SimulatedKill extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedKill(String message) {
            super(message);
        }
    }

    /** Kills the sweep when run {@code name} ends epoch {@code epoch} (after that epoch's checkpoint: next epoch start). */
    private static TrainingProgress killIn(String name, int epoch) {
        return new TrainingProgress() {
            private String run = "";

            @Override
            public void runStarted(String runId, long seed, int epochs, int batchesPerEpoch) {
                run = runId;
            }

            @Override
            public void epochStarted(int e, int batches) {
                if (run.startsWith(name + "-") && e == epoch) {
                    throw new SimulatedKill("killed in " + run + " at the start of epoch " + e);
                }
            }
        };
    }

    /** The first value of a network metric in a run folder's metrics.jsonl. */
    private static double firstValue(Path runFolder, String metric) throws IOException {
        for (String line : Files.readAllLines(runFolder.resolve(RunFolder.METRICS))) {
            JsonNode m = JSON.readTree(line);
            if (m.get("metric").asText().equals(metric)) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError(metric + " not recorded");
    }

    private static Path onlyEntry(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.findFirst().orElseThrow();
        }
    }
}
