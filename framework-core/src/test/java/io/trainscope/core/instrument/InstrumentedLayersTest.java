package io.trainscope.core.instrument;

import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.LayerKind;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.run.InMemoryMeasurements;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What an instrumented network shows monitors: its covered layers with their kinds and the
 * application's names, the layers left out, and activations and pre-activations that agree with
 * what DL4J computed.
 */
class InstrumentedLayersTest {

    private static final InstrumentOptions PROBE = InstrumentOptions.inMemory(null).monitors("test-layer-probe");

    @Test
    void readsEveryCoveredLayerOfALeNetWithItsKindAndTheApplicationsName() {
        MultiLayerNetwork net = UserNetworks.lenet(1);
        try (InstrumentedRun run = TestTrainscope.get().instrument(net, PROBE)) {
            assertThat(run.network().layers()).extracting(LayerInfo::name)
                    .containsExactly("conv1", "bn1", "act1", "pool1", "conv2", "pool2", "fc1", "drop", "out");
            assertThat(run.network().layers()).extracting(LayerInfo::kind).containsExactly(LayerKind.CONV2D,
                    LayerKind.BATCH_NORMALIZATION, LayerKind.ACTIVATION, LayerKind.SUBSAMPLING, LayerKind.CONV2D,
                    LayerKind.SUBSAMPLING, LayerKind.DENSE, LayerKind.DROPOUT, LayerKind.DENSE);
            assertThat(run.notCovered()).containsExactly("lrn (LocalResponseNormalization)");
            LayerInfo conv1 = run.network().layers().get(0);
            assertThat(conv1.fanIn()).isEqualTo(9);
            assertThat(conv1.units()).isEqualTo(4);
            assertThat(conv1.activation()).isEqualTo("identity");
            assertThat(run.network().layers().get(3).units()).as("pooling keeps the channels").isEqualTo(4);
            assertThat(run.network().layers().get(2).activation()).isEqualTo("relu");
            assertThat(run.network().layers().get(4).activation()).isEqualTo("tanh");
            assertThat(run.network().layers().get(4).flatRegion().upperBound()).as("tanh's flat region, from its plugin")
                    .isEqualTo(0.99);
            assertThat(run.network().outputLayer().name()).isEqualTo("out");
            assertThat(run.network().loss()).isEqualTo("cross-entropy");
        }
    }

    @Test
    void readsAGraphsVerticesInTopologicalOrderWithTheOutputLast() {
        ComputationGraph graph = UserNetworks.residual(2, Activation.RELU, WeightInit.RELU);
        try (InstrumentedRun run = TestTrainscope.get().instrument(graph, PROBE)) {
            assertThat(run.network().layers()).extracting(LayerInfo::name)
                    .containsExactly("d1", "d2", "skip", "d3", "cat", "out");
            assertThat(run.network().layers()).extracting(LayerInfo::kind).containsExactly(LayerKind.DENSE,
                    LayerKind.DENSE, LayerKind.ELEMENT_WISE, LayerKind.DENSE, LayerKind.MERGE, LayerKind.DENSE);
            assertThat(run.network().layers().get(4).units()).as("the merge concatenates 16 + 8 units").isEqualTo(24);
            assertThat(run.network().inputs()).isEqualTo(UserNetworks.GRAPH_INPUTS);
            assertThat(run.notCovered()).isEmpty();
        }
    }

    @Test
    void handsMonitorsActivationsAndPreActivationsThatAgreeWithDl4jsForwardPass() {
        MultiLayerNetwork net = UserNetworks.lenet(3);
        List<DataSet> data = UserNetworks.data(3, 1, 8, UserNetworks.SIDE * UserNetworks.SIDE, UserNetworks.CLASSES);
        try (InstrumentedRun run = TestTrainscope.get().instrument(net, PROBE)) {
            net.fit(data.get(0));
        }
        LayerProbeMonitor probe = LayerProbeMonitor.LAST;

        assertThat(probe.forwardIterations).containsExactly(0L);
        assertThat(probe.shapes.get("conv1")).containsExactly(8, 4, 10, 10);
        assertThat(probe.shapes.get("pool1")).containsExactly(8, 4, 5, 5);
        assertThat(probe.shapes.get("conv2")).as("same padding keeps 5 x 5").containsExactly(8, 6, 5, 5);
        assertThat(probe.shapes.get("out")).containsExactly(8, UserNetworks.CLASSES);
        assertApplied(probe, "conv1", z -> z);
        assertApplied(probe, "conv2", Math::tanh);
        assertApplied(probe, "fc1", z -> Math.max(0, z));
        assertApplied(probe, "act1", z -> Math.max(0, z));
        assertThat(probe.preActivations.get("act1")).as("act1 reads bn1's output, which act1 overwrote in place")
                .containsExactly(probe.activations.get("bn1"));
        float[] fc1 = probe.activations.get("fc1");
        float[] dropped = probe.activations.get("drop");
        for (int i = 0; i < fc1.length; i++) {
            assertThat(dropped[i] == 0f || Math.abs(dropped[i] - fc1[i] / 0.8f) < 1e-5f)
                    .as("drop[%d] = %s is fc1's recomputed %s, dropped or scaled by 1/0.8", i, dropped[i], fc1[i]).isTrue();
        }
        assertThat(probe.preActivations.get("pool1")).as("a layer without activation function: z = a")
                .containsExactly(probe.activations.get("pool1"));
        float[] out = probe.activations.get("out");
        for (int r = 0; r < 8; r++) {
            assertThat(out[3 * r] + out[3 * r + 1] + out[3 * r + 2]).as("softmax rows").isCloseTo(1f, within(1e-5f));
        }
    }

    /** Every activation is {@code f} of its (recomputed) pre-activation. */
    private static void assertApplied(LayerProbeMonitor probe, String layer, java.util.function.DoubleUnaryOperator f) {
        float[] z = probe.preActivations.get(layer);
        float[] a = probe.activations.get(layer);
        assertThat(z).hasSameSizeAs(a);
        for (int i = 0; i < z.length; i++) {
            assertThat((double) a[i]).as("%s[%d]", layer, i).isCloseTo(f.applyAsDouble(z[i]), within(2e-5));
        }
    }

    @Test
    void aMonitorSeesOnlyTheLayersItReadsAndRecordsUnderTheNetworksNumbering() {
        ComputationGraph graph = UserNetworks.residual(4, Activation.TANH, WeightInit.XAVIER);
        InMemoryMeasurements sink = new InMemoryMeasurements();
        InstrumentOptions options = InstrumentOptions.inMemory(sink).monitors("test-layer-probe")
                .monitor("saturation", java.util.Map.of("every", 1));
        try (InstrumentedRun run = TestTrainscope.get().instrument(graph, options)) {
            UserNetworks.data(4, 2, 16, UserNetworks.GRAPH_INPUTS, UserNetworks.CLASSES).forEach(graph::fit);
        }

        assertThat(LayerProbeMonitor.LAST.layers).hasSize(6);
        assertThat(sink.all()).filteredOn(m -> m.metric().name().equals("layer.saturation.percent"))
                .extracting(m -> m.layer() + " " + m.layerName())
                .containsOnly("0 d1", "1 d2", "3 d3", "5 out");
        assertThat(sink.all()).filteredOn(m -> m.metric().name().equals("test.probe.activation.mean"))
                .extracting(m -> m.layerName()).contains("skip", "cat");
    }
}
