package io.trainscope.core.instrument;

import io.trainscope.core.TestTrainscope;
import io.trainscope.core.monitors.CaptureMonitor;
import io.trainscope.core.run.InMemoryMeasurements;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The gradients with respect to pre-activations (dL/dz) of a network an application built, which
 * trainscope derives after DL4J's backward pass: checked against backpropagation by hand in double
 * precision from the arrays monitors saw.
 */
class InstrumentedBackwardTest {

    private static final int BATCH = 16;

    @Test
    void derivesDlDzOfADenseChainAsBackpropagationByHand() {
        MultiLayerNetwork net = denseChain();
        List<DataSet> data = UserNetworks.data(5, 1, BATCH, 10, 3);
        InMemoryMeasurements sink = new InMemoryMeasurements();
        InstrumentOptions options = InstrumentOptions.inMemory(sink).monitors("test-capture")
                .monitor("variance-flow", Map.of("every", 1));
        try (InstrumentedRun run = TestTrainscope.get().instrument(net, options)) {
            net.fit(data.get(0));
        }
        CaptureMonitor seen = CaptureMonitor.LAST;

        double[][][] dz = new double[3][][];
        dz[2] = softmaxMinusLabels(seen.preActivations.get(2), seen.labels);
        for (int l = 1; l >= 0; l--) {
            dz[l] = times(dz[l + 1], seen.weightsBefore.get(l + 1));
            double[][] z = seen.preActivations.get(l);
            for (int i = 0; i < z.length; i++) {
                for (int j = 0; j < z[i].length; j++) {
                    dz[l][i][j] *= 1 - Math.tanh(z[i][j]) * Math.tanh(z[i][j]);
                }
            }
        }
        for (int l = 0; l < 3; l++) {
            assertClose(seen.preActivationGradients.get(l), dz[l]);
        }
        double ratio = variance(dz[0]) / variance(dz[1]);
        assertThat(sink.value("layer.backward.variance.ratio", 0, 0)).isCloseTo(ratio, within(1e-3 * ratio));
    }

    @Test
    void derivesTheOutputLayersDlDzAndNoneBehindDropoutOrAConvolution() {
        MultiLayerNetwork net = UserNetworks.lenet(7);
        List<DataSet> data = UserNetworks.data(7, 1, BATCH, UserNetworks.SIDE * UserNetworks.SIDE, UserNetworks.CLASSES);
        try (InstrumentedRun run = TestTrainscope.get().instrument(net, InstrumentOptions.inMemory(null)
                .monitors("test-capture"))) {
            net.fit(data.get(0));
        }
        CaptureMonitor seen = CaptureMonitor.LAST;

        assertThat(seen.preActivationGradients.get(0)).as("fc1 feeds a DropoutLayer").isNull();
        assertClose(seen.preActivationGradients.get(1), softmaxMinusLabels(seen.preActivations.get(1), seen.labels));
    }

    private static MultiLayerNetwork denseChain() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).updater(new Sgd(0.1))
                .weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().name("h0").nIn(10).nOut(7).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().name("h1").nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(org.deeplearning4j.nn.conf.inputs.InputType.feedForward(10))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** (softmax(z) - y) / batch, DL4J's output delta for cross-entropy with softmax, of the mean loss. */
    private static double[][] softmaxMinusLabels(double[][] z, double[][] y) {
        double[][] out = new double[z.length][z[0].length];
        for (int i = 0; i < z.length; i++) {
            double sum = 0;
            for (double v : z[i]) {
                sum += Math.exp(v);
            }
            for (int c = 0; c < z[i].length; c++) {
                out[i][c] = (Math.exp(z[i][c]) / sum - y[i][c]) / z.length;
            }
        }
        return out;
    }

    /** {@code d · w^T} for {@code d [n][units]} and {@code w [fanIn][units]}. */
    private static double[][] times(double[][] d, double[][] w) {
        double[][] out = new double[d.length][w.length];
        for (int i = 0; i < d.length; i++) {
            for (int k = 0; k < w.length; k++) {
                for (int j = 0; j < d[i].length; j++) {
                    out[i][k] += d[i][j] * w[k][j];
                }
            }
        }
        return out;
    }

    private static void assertClose(double[][] actual, double[][] expected) {
        assertThat(actual).isNotNull();
        double scale = 0;
        for (double[] row : expected) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual[i][j]).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-5 * scale));
            }
        }
    }

    private static double variance(double[][] a) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (double[] row : a) {
            for (double v : row) {
                sum += v;
                squares += v * v;
                n++;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }
}
