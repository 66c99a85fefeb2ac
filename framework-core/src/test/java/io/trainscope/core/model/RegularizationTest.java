package io.trainscope.core.model;

import io.trainscope.api.data.Task;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ResolvedExperiment;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code training.weight-decay}, {@code training.gradient-clipping} and a layer's {@code dropout}
 * do to one training step what docs/config.md says.
 */
class RegularizationTest {

    private static final double LR = 0.1;
    private static final double LAMBDA = 0.05;
    private static final INDArray X = Nd4j.rand(DataType.FLOAT, 12, 4).muli(4);
    private static final INDArray Y = Nd4j.eye(3).castTo(DataType.FLOAT).repeat(0, 4);

    private static MultiLayerNetwork network(String training, IUpdater updater, String layers) {
        ResolvedExperiment e = TestTrainscope.resolve("""
                data: iris
                model: {layers: %s, activation: tanh, init: {name: normal, std: 1}}
                training: %s
                """.formatted(layers, training));
        OutputHead head = OutputHead.resolve(e.spec().model().output(), Task.Classification.numbered(3));
        return TestTrainscope.get().get(NetworkBuilder.class).build(e, 4, head, 3, updater).network();
    }

    private static MultiLayerNetwork network(String training, IUpdater updater) {
        return network(training, updater, "[6, 5]");
    }

    /** The change of layer {@code layer}'s parameter {@code key} in one step. */
    private static INDArray step(MultiLayerNetwork network, int layer, String key) {
        INDArray before = network.getLayer(layer).getParam(key).dup();
        network.fit(X, Y);
        return network.getLayer(layer).getParam(key).sub(before);
    }

    @Test
    void l2AddsLambdaTimesTheWeightsToTheGradientAndLeavesBiasesAlone() {
        MultiLayerNetwork plain = network("{}", new Sgd(LR));
        MultiLayerNetwork decayed = network("{weight-decay: {type: l2, value: %s}}".formatted(LAMBDA), new Sgd(LR));
        INDArray w0 = decayed.getLayer(1).getParam("W").dup();
        INDArray b0 = decayed.getLayer(1).getParam("b").dup();

        INDArray extra = step(decayed, 1, "W").sub(step(plain, 1, "W"));

        assertThat(extra.equalsWithEps(w0.mul(-LR * LAMBDA), 1e-5)).isTrue();
        assertThat(decayed.getLayer(1).getParam("b").sub(b0)).isEqualTo(plain.getLayer(1).getParam("b").sub(b0));
    }

    @Test
    void decoupledDecayShrinksTheWeightsBesideAdamsStepWhileL2GoesThroughAdam() {
        MultiLayerNetwork plain = network("{}", new Adam(LR));
        MultiLayerNetwork decoupled = network("{weight-decay: {type: decoupled, value: %s}}".formatted(LAMBDA), new Adam(LR));
        MultiLayerNetwork l2 = network("{weight-decay: {type: l2, value: %s}}".formatted(LAMBDA), new Adam(LR));
        INDArray w0 = plain.getLayer(0).getParam("W").dup();

        INDArray plainStep = step(plain, 0, "W");
        INDArray decoupledExtra = step(decoupled, 0, "W").sub(plainStep);
        INDArray l2Extra = step(l2, 0, "W").sub(plainStep);

        assertThat(decoupledExtra.equalsWithEps(w0.mul(-LR * LAMBDA), 1e-5)).isTrue();
        assertThat(l2Extra.equalsWithEps(w0.mul(-LR * LAMBDA), 1e-3)).isFalse();
    }

    @Test
    void clippingByValueBoundsEveryElementOfTheGradient() {
        MultiLayerNetwork clipped = network("{gradient-clipping: {type: value, threshold: 0.001}}", new Sgd(1.0));

        INDArray change = step(clipped, 0, "W");

        assertThat(change.amaxNumber().doubleValue()).isCloseTo(0.001, within(1e-6));
    }

    @Test
    void clippingByNormBoundsEachLayersGradientNorm() {
        MultiLayerNetwork plain = network("{}", new Sgd(1.0));
        MultiLayerNetwork clipped = network("{gradient-clipping: {type: norm, threshold: 0.01}}", new Sgd(1.0));
        INDArray before = clipped.getLayer(0).params().dup();
        INDArray plainBefore = plain.getLayer(0).params().dup();

        clipped.fit(X, Y);
        plain.fit(X, Y);

        assertThat(plain.getLayer(0).params().sub(plainBefore).norm2Number().doubleValue()).isGreaterThan(0.01);
        assertThat(clipped.getLayer(0).params().sub(before).norm2Number().doubleValue()).isCloseTo(0.01, within(1e-5));
    }

    @Test
    void dropoutIsTheProbabilityOfDroppingAUnitWhichDl4jGetsAsARetainProbability() {
        MultiLayerNetwork network = network("{}", new Sgd(LR), "[{units: 6, dropout: 0.3}, 5]");
        var dropout = ((BaseLayer) network.getLayerWiseConfigurations().getConf(1).getLayer()).getIDropout();
        INDArray ones = Nd4j.ones(DataType.FLOAT, 1000, 100);

        INDArray dropped = dropout.applyDropout(ones, Nd4j.createUninitialized(DataType.FLOAT, 1000, 100), 0, 0,
                LayerWorkspaceMgr.noWorkspaces());

        double zeros = dropped.eq(0).castTo(DataType.FLOAT).meanNumber().doubleValue();
        assertThat(zeros).isCloseTo(0.3, within(0.01));
        assertThat(dropped.maxNumber().doubleValue()).isCloseTo(1 / 0.7, within(1e-5));
        assertThat(((BaseLayer) network.getLayerWiseConfigurations().getConf(0).getLayer()).getIDropout()).isNull();
    }
}
