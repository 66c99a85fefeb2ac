package io.trainscope.core.instrument;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.run.Measurement;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standard monitors treat a convolution's channel as its unit: a tiny convolutional network
 * built with DL4J's builders and instrumented, with channel 2 forced dead (zero kernel, negative
 * bias, relu) and channel 3 a copy of channel 0. Trained once and shared by the tests.
 */
class ConvolutionChannelsTest {

    private static final int SIDE = 8;
    private static InMemoryMeasurements sink;
    private static List<Finding> findings;

    @BeforeAll
    static void train() {
        MultiLayerNetwork net = network();
        List<DataSet> data = UserNetworks.data(11, 3, 16, SIDE * SIDE, 3);
        sink = new InMemoryMeasurements();
        InstrumentOptions options = InstrumentOptions.inMemory(sink).monitors(List.of())
                .monitor("dead-neurons", Map.of("batch-every", 1))
                .monitor("saturation", Map.of("every", 1))
                .monitor("symmetry", Map.of("every", 1));
        InstrumentedRun run = TestTrainscope.get().instrument(net, options);
        try (run) {
            for (DataSet batch : data) {
                net.fit(batch);
            }
        }
        findings = run.findings(); // closing ends the epoch in progress: dead-neurons checks its batches then
    }

    @Test
    void aChannelThatIsZeroAtEveryPositionForEveryExampleIsDeadAndNamed() {
        assertThat(sink.value("layer.dead.units", 3, 0)).as("conv's dead channels").isEqualTo(1.0);
        assertThat(sink.value("layer.dead.percent", 3, 0)).isEqualTo(25.0);
        assertThat(findings).filteredOn(f -> f.pathology().equals(Pathology.DEAD_UNITS)).singleElement().satisfies(f -> {
            assertThat(f.layer()).isZero();
            assertThat(f.summary()).startsWith("25% of conv's channels are dead (channel 2): dead channels output 0 "
                    + "for every training example at every position");
            assertThat(f.evidence()).contains("dead channels: [2]",
                    "1 of 4 channels dead over the 48 training examples of 3 sampled batches (in epoch 1)");
        });
    }

    @Test
    void saturationCountsChannelsFlatEverywhereAndRecordsEachChannelsShare() {
        assertThat(sink.value("layer.saturated.units", 0, 0)).as("channel 2 is flat (relu: a <= 0) everywhere")
                .isEqualTo(1.0);
        Histogram channels = sink.metric("layer.channel.saturation.histogram").stream()
                .filter(m -> m.iteration() == 0 && m.layer() == 0).map(Measurement::histogram).findFirst().orElseThrow();
        assertThat(channels.total()).as("one value per channel").isEqualTo(4);
        assertThat(channels.counts()[channels.counts().length - 1]).as("channels at 100%").isEqualTo(1);
        assertThat(sink.metric("layer.channel.saturation.histogram")).as("convolutions only")
                .allSatisfy(m -> assertThat(m.layer()).isZero());
    }

    @Test
    void twoChannelsWithTheSameKernelAndBiasAreSymmetric() {
        assertThat(sink.value("layer.symmetric.units", 0, 0)).isEqualTo(2.0);
        assertThat(findings).filteredOn(f -> f.pathology().equals(Pathology.SYMMETRY)).singleElement()
                .satisfies(f -> assertThat(f.evidence()).anyMatch(e -> e.startsWith(
                        "conv: 2 of 4 channels have a twin; the layer computes 3 distinct channels; largest group [0, 3]")));
    }

    private static MultiLayerNetwork network() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(11).updater(new Adam(1e-3))
                .weightInit(WeightInit.RELU).list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv").nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool").kernelSize(2, 2)
                        .stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("fc").nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(SIDE, SIDE, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray w = net.getLayer(0).getParam("W");
        INDArray b = net.getLayer(0).getParam("b");
        w.get(NDArrayIndex.point(2), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()).assign(0);
        b.putScalar(2, -1.0); // DL4J's convolution bias is a vector [channels]
        w.get(NDArrayIndex.point(3), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all())
                .assign(w.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()));
        b.putScalar(3, b.getDouble(0));
        return net;
    }
}
