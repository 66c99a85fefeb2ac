package io.trainscope.core.instrument;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ConfigException;
import io.trainscope.core.run.RunFolder;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingGraphTrainer;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An application trains its own network with DL4J's own {@code fit} while trainscope watches:
 * the listener never changes training, follows DL4J's epochs and iterations across fit calls and
 * DL4J's early-stopping trainers, and leaves a complete run folder when closed.
 */
class InstrumentedTrainingTest {

    private static final int PIXELS = UserNetworks.SIDE * UserNetworks.SIDE;
    private static final List<DataSet> IMAGES = UserNetworks.data(5, 4, 16, PIXELS, UserNetworks.CLASSES);
    private static final List<DataSet> VECTORS = UserNetworks.data(6, 4, 16, UserNetworks.GRAPH_INPUTS,
            UserNetworks.CLASSES);

    @TempDir
    Path runs;

    /** Every standard monitor on every iteration, pre-activations included, and the test probe. */
    private InstrumentOptions everything() {
        InstrumentOptions o = InstrumentOptions.defaults().root(runs).name("everything").report(false).monitors(List.of());
        for (String m : List.of("gradient-norms", "saturation", "variance-flow", "histograms", "update-ratio",
                "non-finite", "symmetry", "test-layer-probe")) {
            o = o.monitor(m, Map.of("every", 1));
        }
        return o.monitor("initial-loss", Map.of()).monitor("dead-neurons", Map.of());
    }

    @Test
    void aMultiLayerNetworkTrainsToTheSameWeightsBitForBitWithAndWithoutTheListener() {
        MultiLayerNetwork plain = UserNetworks.lenet(7);
        MultiLayerNetwork watched = UserNetworks.lenet(7);
        Nd4j.getRandom().setSeed(11);
        plain.fit(UserNetworks.iterator(IMAGES), 2);
        Nd4j.getRandom().setSeed(11);
        try (InstrumentedRun run = TestTrainscope.get().instrument(watched, everything())) {
            watched.fit(UserNetworks.iterator(IMAGES), 2);
            assertThat(run.iterations()).isEqualTo(8);
        }

        assertThat(LayerProbeMonitor.LAST.forwardIterations).hasSize(8);
        assertThat(watched.params().data().asFloat()).as("dropout, batch norm statistics and Adam's state included")
                .containsExactly(plain.params().data().asFloat());
        assertThat(watched.getListeners()).as("closing removes the listener").isEmpty();
    }

    @Test
    void aComputationGraphTrainsToTheSameWeightsBitForBitWithAndWithoutTheListener() {
        ComputationGraph plain = UserNetworks.residual(8, Activation.RELU, WeightInit.RELU);
        ComputationGraph watched = UserNetworks.residual(8, Activation.RELU, WeightInit.RELU);
        VECTORS.forEach(plain::fit);
        try (InstrumentedRun run = TestTrainscope.get().instrument(watched, everything())) {
            VECTORS.forEach(watched::fit);
        }

        assertThat(watched.params().data().asFloat()).containsExactly(plain.params().data().asFloat());
    }

    @Test
    void iteratorFitsEndAnEpochEachAndLeaveACompleteRunFolder() throws IOException {
        MultiLayerNetwork net = UserNetworks.lenet(9);
        Path directory;
        try (InstrumentedRun run = TestTrainscope.get().instrument(net, InstrumentOptions.defaults().root(runs)
                .name("lenet").monitors("gradient-norms", "test-layer-probe"))) {
            net.fit(UserNetworks.iterator(IMAGES), 2);
            net.fit(UserNetworks.iterator(IMAGES));
            directory = run.directory();
            assertThat(run.epochs()).isEqualTo(3);
        }

        assertThat(directory.getFileName().toString()).startsWith("lenet-");
        for (String file : List.of(RunFolder.CONFIG, RunFolder.RUN, RunFolder.CATALOGUE, RunFolder.METRICS,
                RunFolder.FINDINGS)) {
            assertThat(directory.resolve(file)).as(file).isRegularFile();
        }
        Map<?, ?> run = new ObjectMapper().readValue(directory.resolve(RunFolder.RUN).toFile(), Map.class);
        assertThat(run.get("status")).isEqualTo("completed");
        assertThat(run.get("epochs_completed")).isEqualTo(3);
        assertThat(run.get("iterations")).isEqualTo(12);
        List<String> metrics = Files.readAllLines(directory.resolve(RunFolder.METRICS));
        assertThat(metrics).filteredOn(l -> l.contains("\"metric\":\"train.loss\"")).hasSize(12);
        assertThat(metrics).filteredOn(l -> l.contains("\"metric\":\"epoch.train.loss\"")).hasSize(3);
        assertThat(metrics).anyMatch(l -> l.contains("\"layer_name\":\"conv2\""));
        assertThat(LayerProbeMonitor.LAST.epochEnds).containsExactly(0, 1, 2);
        assertThat(Files.readString(directory.resolve(RunFolder.CONFIG))).contains("test-layer-probe", "conv1");
    }

    @Test
    void fitsOfSingleBatchesBelongToOneEpochThatEndsWhenTheRunCloses() {
        MultiLayerNetwork net = UserNetworks.lenet(10);
        try (InstrumentedRun run = TestTrainscope.get().instrument(net, InstrumentOptions.inMemory(null)
                .monitors("test-layer-probe"))) {
            IMAGES.forEach(net::fit);
            IMAGES.forEach(net::fit);
            assertThat(run.epochs()).isZero();
        }

        assertThat(LayerProbeMonitor.LAST.forwardIterations).as("every 5th of 8 iterations").containsExactly(0L, 5L);
        assertThat(LayerProbeMonitor.LAST.epochEnds).containsExactly(0);
    }

    @Test
    void dl4jsEarlyStoppingTrainerIsFollowedAndItsModelCopiesAreIgnored() throws IOException {
        MultiLayerNetwork net = UserNetworks.lenet(12);
        var config = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
                .epochTerminationConditions(new MaxEpochsTerminationCondition(3))
                .scoreCalculator(new DataSetLossCalculator(UserNetworks.iterator(IMAGES.subList(0, 1)), true))
                .modelSaver(new InMemoryModelSaver<>()).build();
        Path directory;
        EarlyStoppingResult<MultiLayerNetwork> result;
        try (InstrumentedRun run = TestTrainscope.get().instrument(net, InstrumentOptions.defaults().root(runs)
                .name("early").monitors("test-layer-probe", "gradient-norms"))) {
            result = new EarlyStoppingTrainer(config, net, UserNetworks.iterator(IMAGES)).fit();
            directory = run.directory();
            assertThat(run.epochs()).isEqualTo(3);
            assertThat(run.iterations()).isEqualTo(12);
        }

        assertThat(result.getTotalEpochs()).isEqualTo(3);
        Map<?, ?> json = new ObjectMapper().readValue(directory.resolve(RunFolder.RUN).toFile(), Map.class);
        assertThat(json.get("status")).isEqualTo("completed");
        assertThat(json.get("epochs_completed")).isEqualTo(3);
        assertThat(directory.resolve(RunFolder.FINDINGS)).isRegularFile();
    }

    @Test
    void dl4jsEarlyStoppingGraphTrainerSharesItsListenersWithItsCopiesWhichAreIgnored() {
        ComputationGraph graph = UserNetworks.residual(13, Activation.RELU, WeightInit.RELU);
        var config = new EarlyStoppingConfiguration.Builder<ComputationGraph>()
                .epochTerminationConditions(new MaxEpochsTerminationCondition(2))
                .scoreCalculator(new DataSetLossCalculator(UserNetworks.iterator(VECTORS.subList(0, 1)), true))
                .modelSaver(new InMemoryModelSaver<>()).build();
        try (InstrumentedRun run = TestTrainscope.get().instrument(graph, InstrumentOptions.inMemory(null)
                .monitors("test-layer-probe"))) {
            EarlyStoppingResult<ComputationGraph> result = new EarlyStoppingGraphTrainer(config, graph,
                    UserNetworks.iterator(VECTORS)).fit();
            result.getBestModel().fit(VECTORS.get(0));
            assertThat(run.iterations()).as("the best model's fit is not this run's").isEqualTo(8);
            assertThat(run.epochs()).isEqualTo(2);
        }
    }

    @Test
    void refusesAnUnknownMonitorWithTheMessageAConfigGets() {
        String yaml = "data: {source: iris}\nmodel: {hidden: [4]}\nmonitors: [gradient-norm]\n";
        String fromConfig = messageOf(() -> TestTrainscope.resolve(yaml));
        MultiLayerNetwork net = UserNetworks.lenet(14);

        assertThatThrownBy(() -> TestTrainscope.get().instrument(net, InstrumentOptions.inMemory(null)
                .monitors("gradient-norm"))).isInstanceOf(ConfigException.class).hasMessage(fromConfig)
                .hasMessageStartingWith("monitors[0]: unknown monitor 'gradient-norm'; did you mean 'gradient-norms'?");
        assertThatThrownBy(() -> TestTrainscope.get().instrument(net, InstrumentOptions.inMemory(null)
                .monitors(List.of()).monitor("gradient-norms", Map.of("every", -1)))).isInstanceOf(ConfigException.class)
                .hasMessage("monitors[0].every: must be an integer >= 0, got -1 (monitor 'gradient-norms')");
        assertThat(net.getListeners()).as("nothing was installed").isEmpty();
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }
}
