package io.trainscope.core.monitor;

import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.RunInfo;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.perf.BufferCreations;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.plugin.PluginRegistry;
import io.trainscope.core.run.FindingLog;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.training.RunOptions;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dataset pass: the activations of DL4J's {@code feedForward}, bit for bit, computed in a
 * workspace of its own, so that a pass with the dead-neuron monitor allocates no array outside
 * workspaces per batch (docs/performance.md, "Dead-neuron pass").
 */
class DatasetPassTest {

    private static final ResolvedExperiment EXPERIMENT = TestTrainscope.resolve("""
            data: {source: gaussian-classification, samples: 700, features: 48, classes: 3, labels: linear}
            model: {hidden: [64, 32, 16], activation: relu, init: he-normal}
            training: {optimizer: {name: sgd, learning-rate: 0.1}, epochs: 1, batch-size: 100, seed: 3}
            """);
    private static final int BATCH = 128;

    private static final PreparedData DATA = TestTrainscope.get().trainer().prepare(EXPERIMENT, RunOptions.inMemory(null));
    private static final BuiltNetwork BUILT = TestTrainscope.get().get(NetworkBuilder.class)
            .build(EXPERIMENT, DATA.inputs(), DATA.head(), 3, new Sgd(0.1));

    @Test
    void everyBatchHasTheActivationsOfFeedForwardBitForBit() {
        MultiLayerNetwork net = BUILT.network();
        List<List<INDArray>> seen = new ArrayList<>();
        int batches = new DatasetPass(net, DATA.train(), BATCH).run((batch, examples, activations) -> {
            List<INDArray> copies = new ArrayList<>();
            activations.forEach(a -> copies.add(a.dup()));
            seen.add(copies);
        });
        long n = DATA.train().numExamples();
        assertThat(batches).isEqualTo((int) ((n + BATCH - 1) / BATCH)).isGreaterThan(1);
        for (int b = 0; b < batches; b++) {
            INDArray x = DATA.train().getFeatures().get(NDArrayIndex.interval((long) b * BATCH,
                    Math.min(n, (long) (b + 1) * BATCH)), NDArrayIndex.all());
            List<INDArray> expected = net.feedForward(x, false);
            assertThat(seen.get(b)).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(seen.get(b).get(i)).as("batch %d, array %d", b, i).isEqualTo(expected.get(i));
            }
        }
        assertThat(net.getLayer(0).input()).as("no layer keeps a reference into the pass's workspace").isNull();
    }

    @Test
    void aPassWithTheDeadNeuronMonitorAllocatesNoArrayOutsideWorkspacesPerBatch() {
        MultiLayerNetwork net = BUILT.network();
        PluginRegistry registry = TestTrainscope.get().get(PluginRegistry.class);
        Monitor monitor = registry.get(PluginFamily.MONITOR, "dead-neurons");
        Parameters params = Parameters.defaults(monitor);
        RunServices services = new RunServices("test", new RunInfo("test", 0, null), BUILT.layout().info(),
                new LayerViews(net, BUILT.layout()), new Nd4jStatistics(), new InMemoryMeasurements(), new FindingLog(),
                new StopSignal());
        DatasetPass pass = new DatasetPass(net, DATA.train(), BATCH);
        int batches = (int) ((DATA.train().numExamples() + BATCH - 1) / BATCH);
        try (HookDispatcher dispatcher = new HookDispatcher(List.of(new MonitorSlot(monitor, params,
                monitor.sampling(params))), services, BUILT, 2, DATA.trainingExamples(), BATCH)) {
            dispatcher.trainingStart(pass, 0, 0);          // the workspace learns its size; the monitor its buffers
            try (BufferCreations count = BufferCreations.open()) {
                dispatcher.epochEnd(0, 5, 1.0, java.util.Map.of(), pass);
                double bytesPerBatch = count.outsideWorkspacesBytes() / (double) batches;
                double perBatch = count.outsideWorkspaces() / (double) batches;
                System.out.printf("dataset pass, per batch of %d: %.1f buffers outside workspaces (%.0f bytes), %.1f in "
                        + "workspaces%n", BATCH, perBatch, bytesPerBatch, count.inWorkspaces() / (double) batches);
                // DL4J's feedForward allocated every layer's output per batch: 128 x (64 + 32 + 16 + 3) floats, 58,880
                // bytes; what is left are ND4J's own op arguments (a dimension or a scalar: 4 bytes each)
                assertThat(bytesPerBatch).as("bytes allocated outside workspaces per batch").isLessThan(512);
            }
        }
        assertThat(Nd4j.getWorkspaceManager().anyWorkspaceActiveForCurrentThread()).as("a workspace left open").isFalse();
    }
}
