package io.trainscope.core.model;

import io.trainscope.api.data.ImageShape;
import io.trainscope.api.data.Task;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.LayerKind;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ConfigException;
import io.trainscope.core.config.ResolvedExperiment;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Networks with {@code conv2d} and pooling layers: DL4J layers, what monitors see, initial weights, and training. */
class ConvolutionNetworkTest {

    private static final ImageShape IMAGE = new ImageShape(1, 8, 8);
    private static final String MODEL = """
            data: iris
            model:
              activation: relu
              init: he-normal
              layers:
                - {type: conv2d, filters: 64, kernel: 3, normalizers: [batchnorm], dropout: 0.25}
                - {type: max-pool, kernel: 2}
                - {type: conv2d, filters: 8, kernel: 3, padding: 1, activation: tanh, init: {name: normal, std: 0.05}}
                - {type: flatten}
                - {units: 10}
            """;
    private static BuiltNetwork built;

    @BeforeAll
    static void build() {
        built = build(MODEL);
    }

    private static BuiltNetwork build(String yaml) {
        ResolvedExperiment e = TestTrainscope.resolve(yaml);
        OutputHead head = OutputHead.resolve(e.spec().model().output(), Task.Classification.numbered(2));
        return TestTrainscope.get().get(NetworkBuilder.class).build(e, IMAGE.features(), IMAGE, head, 3, new Adam(0.01));
    }

    private static Layer conf(int index) {
        return built.network().getLayerWiseConfigurations().getConf(index).getLayer();
    }

    @Test
    void convolutionsAndPoolsBecomeDl4jLayersAndMonitorsSeeOnlyTheWeightedOnes() {
        assertThat(conf(0)).isInstanceOf(ConvolutionLayer.class);
        assertThat(conf(1)).isInstanceOf(BatchNormalization.class);
        assertThat(conf(3)).isInstanceOf(SubsamplingLayer.class);
        assertThat(conf(4)).isInstanceOf(ConvolutionLayer.class);
        assertThat(conf(5)).isInstanceOf(ReusingDenseLayer.class);
        // the first convolution's dropout skips the pool (DL4J's pooling layer applies none) to reach the next one
        assertThat(conf(3).getIDropout()).isNull();
        assertThat(((Dropout) ((BaseLayer) conf(4)).getIDropout()).getP()).isCloseTo(0.75, within(1e-12));
        assertThat(((BaseLayer) conf(0)).getIDropout()).isNull();
        // the first dense layer is not the network's first layer: it passes the gradient on to the convolutions
        assertThat(((ReusingDenseLayer) conf(5)).isInputGradient()).isTrue();
        List<LayerInfo> infos = built.layout().info().layers();
        assertThat(built.layout().names()).containsExactly("hidden-0", "hidden-1", "hidden-2", "output");
        assertThat(infos).extracting(LayerInfo::kind)
                .containsExactly(LayerKind.CONV2D, LayerKind.CONV2D, LayerKind.DENSE, LayerKind.DENSE);
        assertThat(infos).extracting(LayerInfo::fanIn).containsExactly(9L, 64L * 9, 8L * 3 * 3, 10L);
        assertThat(infos.get(0).shape()).containsExactly(64L, 6L, 6L);
        assertThat(infos.get(1).shape()).containsExactly(8L, 3L, 3L);
        assertThat(infos).extracting(LayerInfo::activation).containsExactly("relu", "tanh", "relu", "softmax");
        assertThat(built.layout().dense()).containsExactly(0, 4, 5, 6);
    }

    @Test
    void initializersSeeChannelsTimesKernelAreaAsFanIn() {
        INDArray w = built.network().getLayer(0).getParam("W");
        assertThat(w.shape()).containsExactly(64, 1, 3, 3);
        // he-normal: std sqrt(2 / fan-in), fan-in = 1 channel x 3 x 3
        assertThat(w.stdNumber().doubleValue()).isCloseTo(Math.sqrt(2.0 / 9), within(0.06));
        assertThat(built.network().getLayer(4).getParam("W").stdNumber().doubleValue()).isCloseTo(0.05, within(0.005));
    }

    @Test
    void itTrainsOnFlatRowsAndTheTapSeesEachChannelsPreActivations() {
        MultiLayerNetwork net = built.network();
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(32, (int) IMAGE.features());
        INDArray y = Nd4j.zeros(32, 2);
        IntStream.range(0, 32).forEach(i -> y.putScalar(new int[]{i, x.getRow(i).sumNumber().doubleValue() > 32 ? 1 : 0}, 1.0));
        DataSet data = new DataSet(x, y);
        double before = net.score(data);
        built.tap().arm();
        net.fit(data);
        built.tap().disarm();
        assertThat(built.tap().preActivations(0).shape()).containsExactly(32, 64, 6, 6);
        assertThat(built.tap().preActivations(1).shape()).containsExactly(32, 8, 3, 3);
        for (int i = 0; i < 30; i++) {
            net.fit(data);
        }
        assertThat(net.score(data)).isLessThan(before * 0.7);
        assertThat(net.output(x).shape()).containsExactly(32, 2);
    }

    @Test
    void convolutionsOnDataThatAreNotImagesAreRefusedBeforeBuilding() {
        ResolvedExperiment e = TestTrainscope.resolve(MODEL);
        OutputHead head = OutputHead.resolve(e.spec().model().output(), Task.Classification.numbered(2));
        assertThatThrownBy(() -> TestTrainscope.get().get(NetworkBuilder.class).build(e, 64, null, head, 3, new Adam(0.01)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("model.layers[0]: conv2d needs image input");
    }
}
