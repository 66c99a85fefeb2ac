package io.trainscope.core.model;

import io.trainscope.api.data.Task;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.LayerKind;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ResolvedExperiment;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Networks built from {@code model.layers}: each layer's own settings reach DL4J, and monitors still see one layer each. */
class PerLayerNetworkTest {

    private static final String MODEL = """
            data: iris
            model:
              activation: tanh
              init: {name: normal, std: 1}
              layers:
                - {units: 40, bias-init: {name: normal, mean: 0, std: 1}, dropout: 0.3}
                - {units: 30, activation: relu, init: he-normal, bias-init: {name: constant, value: 0.5}}
                - {units: 20, activation: sigmoid, bias: false}
              output: {weight-scale: %s}
            """;

    private static BuiltNetwork build(String yaml) {
        ResolvedExperiment e = TestTrainscope.resolve(yaml);
        OutputHead head = OutputHead.resolve(e.spec().model().output(), Task.Classification.numbered(3));
        return TestTrainscope.get().get(NetworkBuilder.class).build(e, 4, head, 7, new Sgd(0.1));
    }

    private static BaseLayer conf(MultiLayerNetwork network, int index) {
        return (BaseLayer) network.getLayerWiseConfigurations().getConf(index).getLayer();
    }

    @Test
    void eachLayerGetsItsOwnActivationBiasAndDropoutAndMonitorsSeeOneDenseLayerEach() {
        BuiltNetwork built = build(MODEL.formatted("1"));
        MultiLayerNetwork network = built.network();

        assertThat(built.layout().names()).containsExactly("hidden-0", "hidden-1", "hidden-2", "output");
        assertThat(built.layout().info().layers()).extracting(LayerInfo::activation)
                .containsExactly("tanh", "relu", "sigmoid", "softmax");
        assertThat(built.layout().info().layers()).extracting(LayerInfo::kind).containsOnly(LayerKind.DENSE);
        assertThat(network.getLayer(2).getParam("b")).isNull();
        assertThat(network.numParams()).isEqualTo((4 * 40 + 40) + (40 * 30 + 30) + 30 * 20 + (20 * 3 + 3));
        assertThat(network.getLayer(1).getParam("b").toDoubleVector()).containsOnly(0.5);
        double[] normalBias = network.getLayer(0).getParam("b").toDoubleVector();
        assertThat(java.util.Arrays.stream(normalBias).map(Math::abs).max().orElseThrow()).isGreaterThan(0.5);
        assertThat(network.getLayer(3).getParam("b").toDoubleVector()).containsOnly(0.0);
        assertThat(conf(network, 0).getIDropout()).isNull();
        assertThat(conf(network, 1).getIDropout()).isInstanceOf(Dropout.class);
        assertThat(((Dropout) conf(network, 1).getIDropout()).getP()).isCloseTo(0.7, within(1e-12));
        assertThat(conf(network, 2).getIDropout()).isNull();
    }

    @Test
    void theWeightScaleMultipliesOnlyTheOutputLayersInitialWeights() {
        MultiLayerNetwork plain = build(MODEL.formatted("1")).network();
        MultiLayerNetwork scaled = build(MODEL.formatted("0.01")).network();

        for (int i = 0; i < 3; i++) {
            assertThat(scaled.getLayer(i).getParam("W")).isEqualTo(plain.getLayer(i).getParam("W"));
        }
        assertThat(scaled.getLayer(3).getParam("W")).isEqualTo(plain.getLayer(3).getParam("W").mul(0.01));
        assertThat(scaled.getLayer(3).getParam("b")).isEqualTo(plain.getLayer(3).getParam("b"));
    }

    @Test
    void dropoutTrainsAndLeavesInferenceDeterministic() {
        MultiLayerNetwork network = build(MODEL.formatted("1")).network();
        var x = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 16, 4);
        var y = org.nd4j.linalg.factory.Nd4j.eye(3).getRows(new int[]{0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0})
                .castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        network.fit(x, y);

        assertThat(network.output(x)).isEqualTo(network.output(x));
        assertThat(Double.isFinite(network.score())).isTrue();
    }
}
