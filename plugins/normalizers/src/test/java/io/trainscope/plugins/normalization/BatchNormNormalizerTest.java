package io.trainscope.plugins.normalization;

import io.trainscope.api.normalization.FeatureStatistics;
import io.trainscope.api.normalization.Placement;
import io.trainscope.api.plugin.Parameters;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BatchNormNormalizerTest {

    private final BatchNormNormalizer batchnorm = new BatchNormNormalizer();

    @Test
    void insertsOneBatchNormalizationLayerWithTheDefaultDecayEpsAndWidth() {
        List<Layer> layers = batchnorm.hiddenLayers(64, Parameters.defaults(batchnorm));

        assertThat(layers).singleElement().isInstanceOfSatisfying(BatchNormalization.class, bn -> {
            assertThat(bn.getNIn()).isEqualTo(64);
            assertThat(bn.getNOut()).isEqualTo(64);
            assertThat(bn.getDecay()).isEqualTo(0.9);
            assertThat(bn.getEps()).isEqualTo(1e-5);
        });
        assertThat(batchnorm.placement(Parameters.defaults(batchnorm))).isEqualTo(Placement.BEFORE_ACTIVATION);
    }

    @Test
    void usesTheConfiguredDecayEpsAndPlacement() {
        Parameters params = Parameters.resolve(batchnorm,
                Map.of("decay", 0.5, "eps", 1e-3, "placement", "after-activation"));

        assertThat(batchnorm.hiddenLayers(10, params)).singleElement()
                .isInstanceOfSatisfying(BatchNormalization.class, bn -> {
                    assertThat(bn.getNOut()).isEqualTo(10);
                    assertThat(bn.getDecay()).isEqualTo(0.5);
                    assertThat(bn.getEps()).isEqualTo(1e-3);
                });
        assertThat(batchnorm.placement(params)).isEqualTo(Placement.AFTER_ACTIVATION);
    }

    @Test
    void offersEveryPlacementAsAHyphenatedChoice() {
        assertThat(BatchNormNormalizer.PLACEMENT.choices()).containsExactly("before-activation", "after-activation");
        for (String word : BatchNormNormalizer.PLACEMENT.choices()) {
            Placement placement = batchnorm.placement(Parameters.resolve(batchnorm, Map.of("placement", word)));
            assertThat(BatchNormNormalizer.word(placement)).isEqualTo(word);
        }
    }

    @Test
    void returnsFreshLayersOnEveryCall() {
        Parameters params = Parameters.defaults(batchnorm);

        assertThat(batchnorm.hiddenLayers(8, params).get(0)).isNotSameAs(batchnorm.hiddenLayers(8, params).get(0));
    }

    @Test
    void leavesInputsAlone() {
        INDArray one = Nd4j.ones(DataType.FLOAT, 1, 3);
        FeatureStatistics stats = new FeatureStatistics(one, one, one, one, 1);

        assertThat(batchnorm.inputTransform(stats, Parameters.defaults(batchnorm))).isEmpty();
    }

    @Test
    void normalizesEachUnitOverTheMiniBatchInsideADl4jNetwork() {
        int units = 8;
        Layer bn = batchnorm.hiddenLayers(units, Parameters.defaults(batchnorm)).get(0);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nIn(5).nOut(units).activation(Activation.IDENTITY).build())
                .layer(bn)
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(units).nOut(2)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 5).muli(10).addi(3);

        INDArray normalized = net.feedForward(x, true).get(2);

        // gamma 1, beta 0: each unit has batch mean 0 and variance var/(var + eps), i.e. 1 to ~1e-4
        assertThat(normalized.shape()).containsExactly(64, units);
        for (double m : normalized.mean(0).toDoubleVector()) {
            assertThat(m).isCloseTo(0.0, within(1e-4));
        }
        for (double v : normalized.var(false, 0).toDoubleVector()) {
            assertThat(v).isCloseTo(1.0, within(1e-3));
        }
    }
}
