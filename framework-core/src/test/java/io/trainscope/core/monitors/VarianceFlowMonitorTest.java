package io.trainscope.core.monitors;

import io.trainscope.api.monitor.Pathology;
import org.junit.jupiter.api.Test;

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
        for (int l = 0; l < 10; l++) {
            double ratio = Hand.variance(seen.gradients.get(l)) / Hand.variance(seen.gradients.get(l + 1));
            assertThat(run.value("layer.backward.variance.ratio", 0, l)).as("backward %s", l)
                    .isCloseTo(ratio, within(1e-4 * ratio));
        }
        double forwardProduct = Hand.variance(seen.activations.get(9)) / inputVariance;
        double backwardProduct = Hand.variance(seen.gradients.get(0)) / Hand.variance(seen.gradients.get(9));
        assertThat(run.value("network.forward.variance.product", 0, null)).isCloseTo(forwardProduct,
                within(1e-4 * forwardProduct));
        assertThat(run.value("network.backward.variance.product", 0, null)).isCloseTo(backwardProduct,
                within(1e-4 * backwardProduct));
    }

    @Test
    void tanhWithXavierKeepsBothProductsNearOneAndRaisesNoFinding() {
        SeedRuns.Run run = SeedRuns.tanhXavier();

        // tanh shrinks the variance a little in every layer (0.4 to 0.95 each), gradients stay within a factor 3
        assertThat(run.value("network.forward.variance.product", 0, null)).isBetween(0.02, 1.0);
        assertThat(run.value("network.backward.variance.product", 0, null)).isBetween(0.1, 10.0);
        assertThat(run.findings(Pathology.VARIANCE_DRIFT)).isEmpty();
    }

    @Test
    void seed000NormalInitLetsTheGradientVarianceDriftAndIsReported() {
        SeedRuns.Run run = SeedRuns.sigmoidNormal();

        // layer 0's gradient norm is about 2e-2 of the last hidden layer's: variances about 4e-4 apart
        assertThat(run.value("network.backward.variance.product", 0, null)).isLessThan(1e-2);
        assertThat(run.findings(Pathology.VARIANCE_DRIFT)).singleElement().satisfies(f -> {
            assertThat(f.summary()).startsWith("The variance of the weight gradients shrinks by a factor of");
            assertThat(f.evidence()).anyMatch(e -> e.startsWith("network backward variance product ")
                    && e.endsWith("allowed [0.0100, 100] (max-drift 100)"));
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
                        "The variance of the weight gradients shrin");
    }
}
