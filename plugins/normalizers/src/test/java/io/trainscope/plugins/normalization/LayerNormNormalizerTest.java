package io.trainscope.plugins.normalization;

import io.trainscope.api.normalization.Placement;
import io.trainscope.api.plugin.Parameters;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.misc.ElementWiseMultiplicationLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LayerNormNormalizerTest {

    private final LayerNormNormalizer layernorm = new LayerNormNormalizer();

    private MultiLayerNetwork network(int units, double eps) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list();
        layernorm.hiddenLayers(units, Parameters.resolve(layernorm, Map.of("eps", eps))).forEach(list::layer);
        MultiLayerConfiguration conf = list
                .layer(new LossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    @Test
    void insertsANormalizationAndAnElementWiseGainAndBiasBeforeTheActivationByDefault() {
        assertThat(layernorm.hiddenLayers(7, Parameters.defaults(layernorm))).satisfiesExactly(
                l -> assertThat(((ActivationLayer) l).getActivationFn()).isEqualTo(new RowNormalization(1e-5)),
                l -> assertThat(((ElementWiseMultiplicationLayer) l).getNOut()).isEqualTo(7));
        assertThat(layernorm.placement(Parameters.defaults(layernorm))).isEqualTo(Placement.BEFORE_ACTIVATION);
        assertThat(layernorm.placement(Parameters.resolve(layernorm, Map.of("placement", "after-activation"))))
                .isEqualTo(Placement.AFTER_ACTIVATION);
    }

    @Test
    void normalizesEachExampleOverItsUnitsWithAGainOfOneAndABiasOfZeroToStart() {
        MultiLayerNetwork network = network(6, 1e-5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 6).muli(10).addiColumnVector(Nd4j.linspace(DataType.FLOAT, 1, 4, 1)
                .reshape(4, 1));

        INDArray y = network.output(x);

        assertThat(network.getLayer(1).getParam("W").toDoubleVector()).containsOnly(1.0);
        assertThat(network.getLayer(1).getParam("b").toDoubleVector()).containsOnly(0.0);
        for (int i = 0; i < 4; i++) {
            INDArray row = y.getRow(i);
            assertThat(row.meanNumber().doubleValue()).isCloseTo(0.0, within(1e-5));
            assertThat(row.varNumber().doubleValue() * 5 / 6).isCloseTo(1.0, within(1e-3));
        }
    }

    @Test
    void survivesDl4jsJsonConfiguration() {
        MultiLayerNetwork network = network(3, 0.01);

        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(network.getLayerWiseConfigurations().toJson());

        assertThat(((ActivationLayer) back.getConf(0).getLayer()).getActivationFn()).isEqualTo(new RowNormalization(0.01));
    }
}
