package io.trainscope.core.monitors;

import io.trainscope.api.monitor.Pathology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The variance-flow monitor: ratios computed by hand from the same arrays, and seed 000's products. */
class VarianceFlowMonitorTest {

    @Test
    void forwardAndBackwardRatiosEqualVariancesComputedByHandFromTheViews() {
        SeedRuns.Run run = SeedRuns.tanhXavier();
        CaptureMonitor seen = run.capture();

        double inputVariance = Hand.variance(seen.input);
        double previous = inputVariance;
        for (int l = 0; l < 11; l++) {
            double v = Hand.variance(seen.activations.get(l));
            assertThat(run.value("layer.forward.variance.ratio", 0, l)).as("forward %s", l)
                    .isCloseTo(v / previous, within(1e-4 * v / previous));
            previous = v;
        }
        List<double[][]> dz = handBackprop(seen);
        for (int l = 0; l < 10; l++) {
            double ratio = Hand.variance(dz.get(l)) / Hand.variance(dz.get(l + 1));
            assertThat(run.value("layer.backward.variance.ratio", 0, l)).as("backward %s", l)
                    .isCloseTo(ratio, within(1e-3 * ratio));
            assertThat(run.value("layer.backward.variance", 0, l)).as("Var(dL/dz) %s", l)
                    .isCloseTo(Hand.variance(dz.get(l)), within(1e-3 * Hand.variance(dz.get(l))));
        }
        double forwardProduct = Hand.variance(seen.activations.get(9)) / inputVariance;
        double backwardProduct = Hand.variance(dz.get(0)) / Hand.variance(dz.get(9));
        assertThat(run.value("network.forward.variance.product", 0, null)).isCloseTo(forwardProduct,
                within(1e-4 * forwardProduct));
        assertThat(run.value("network.backward.variance.product", 0, null)).isCloseTo(backwardProduct,
                within(1e-3 * backwardProduct));
    }

    @Test
    void theCapturedGradientWithRespectToPreActivationsIsBackpropagationByHand() {
        CaptureMonitor seen = SeedRuns.tanhXavier().capture();
        List<double[][]> dz = handBackprop(seen);

        for (int l = 0; l < 11; l++) {
            assertThat(Hand.relativeError(seen.preActivationGradients.get(l), dz.get(l))).as("dL/dz of layer %s", l)
                    .isLessThan(1e-4);
        }
    }

    @Test
    void theOutputLayersGradientIsSoftmaxMinusLabelsOverTheBatchForCrossEntropy() {
        SeedRuns.Run run = SeedRuns.train("""
                data: iris
                model: {hidden: [6], activation: relu, init: he-normal}
                training: {epochs: 1, batch-size: 40, seed: 3}
                monitors: [test-capture]
                """);
        CaptureMonitor seen = run.capture();
        double[][] z = seen.preActivations.get(1);
        double[][] expected = new double[z.length][z[0].length];
        for (int i = 0; i < z.length; i++) {
            double max = java.util.Arrays.stream(z[i]).max().orElseThrow();
            double sum = java.util.Arrays.stream(z[i]).map(v -> Math.exp(v - max)).sum();
            for (int c = 0; c < z[i].length; c++) {
                expected[i][c] = (Math.exp(z[i][c] - max) / sum - seen.labels[i][c]) / z.length;
            }
        }
        assertThat(Hand.relativeError(seen.preActivationGradients.get(1), expected)).isLessThan(1e-5);
        List<double[][]> dz = Hand.backprop(expected, seen.weightsBefore, seen.preActivations, x -> x > 0 ? 1 : 0);
        assertThat(Hand.relativeError(seen.preActivationGradients.get(0), dz.get(0))).isLessThan(1e-5);
    }

    /**
     * dL/dz of the mean batch loss in double precision from the arrays the capture monitor saw:
     * (sigmoid(z) - y) / batch at the sigmoid output with binary cross-entropy, then
     * dL/dz_l = (dL/dz_{l+1} W_{l+1}^T) · (1 - tanh²(z_l)).
     */
    private static List<double[][]> handBackprop(CaptureMonitor seen) {
        double[][] z = seen.preActivations.get(10);
        double[][] out = new double[z.length][1];
        for (int i = 0; i < z.length; i++) {
            out[i][0] = (1 / (1 + Math.exp(-z[i][0])) - seen.labels[i][0]) / z.length;
        }
        return Hand.backprop(out, seen.weightsBefore, seen.preActivations, x -> 1 - Math.tanh(x) * Math.tanh(x));
    }

    @Test
    void tanhWithXavierKeepsBothProductsNearOneAndRaisesNoFinding() {
        SeedRuns.Run run = SeedRuns.tanhXavier();

        // tanh shrinks the variance a little in every layer (0.4 to 0.95 each), Var(dL/dz) within a factor 6
        assertThat(run.value("network.forward.variance.product", 0, null)).isBetween(0.02, 1.0);
        assertThat(run.value("network.backward.variance.product", 0, null)).isBetween(0.1, 10.0);
        assertThat(run.findings(Pathology.VARIANCE_DRIFT)).isEmpty();
    }

    @Test
    void seed000NormalInitLetsTheGradientVarianceDriftAndIsReported() {
        SeedRuns.Run run = SeedRuns.sigmoidNormal();

        // Var(dL/dz) shrinks by 0.46-1.0 per layer between hidden layers: 0.017 across them (measured)
        assertThat(run.value("network.backward.variance.product", 0, null)).isBetween(0.005, 1.0 / 30);
        assertThat(run.findings(Pathology.VARIANCE_DRIFT)).singleElement().satisfies(f -> {
            assertThat(f.summary()).startsWith("The variance of the back-propagated gradients (dL/dz) shrinks by a factor of");
            assertThat(f.evidence()).anyMatch(e -> e.startsWith("network backward variance product ")
                    && e.endsWith("allowed [0.0333, 30.0] (max-drift 30.0)"));
            assertThat(f.prescription()).contains("fan-in").contains("xavier-normal");
        });
    }

    @Test
    void seed000TinyUniformInitLetsTheSignalVarianceCollapseAndIsReported() {
        SeedRuns.Run run = SeedRuns.sigmoidUniform();

        // Var(sigmoid(z)) = Var(z)/16 with Var(z) = 50 * 0.01^2/3 in layer 0: 1.0e-4 of the input's variance
        assertThat(run.value("layer.forward.variance.ratio", 0, 0)).isBetween(0.5e-4, 2e-4);
        assertThat(run.value("network.forward.variance.product", 0, null)).isLessThan(1e-3);
        assertThat(run.findings(Pathology.VARIANCE_DRIFT)).extracting(f -> f.summary().substring(0, 42))
                .containsExactlyInAnyOrder("The variance of the activations shrinks by",
                        "The variance of the back-propagated gradie");
    }
}
