package io.trainscope.core.monitors;

import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The symmetry monitor on zero, twin and random initializations. */
class SymmetryMonitorTest {

    private static final String NETWORK = """
            data: {source: gaussian-classification, samples: 60, features: 5, classes: 3}
            model: {hidden: [6, 4], activation: tanh, init: %s}
            training: {optimizer: {name: sgd, learning-rate: 0.5}, epochs: 3, batch-size: 20, seed: 8}
            monitors: [{name: symmetry, every: 4}]
            """;

    @Test
    void zeroInitializationMakesEveryUnitOfEveryLayerSymmetricForGood() {
        SeedRuns.Run run = SeedRuns.train(NETWORK.formatted("zeros"));

        // all-zero weights: tanh(0) = 0 feeds nothing forward, so no hidden weight ever gets a gradient
        for (long iteration : new long[]{0, 4, 8}) {
            assertThat(run.value("layer.symmetric.units", iteration, 0)).as("iteration %s", iteration).isEqualTo(6.0);
            assertThat(run.value("layer.symmetric.units", iteration, 1)).as("iteration %s", iteration).isEqualTo(4.0);
        }
        assertThat(run.value("layer.symmetric.units", 0, 2)).isEqualTo(3.0);
        assertThat(run.findings(Pathology.SYMMETRY)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.iteration()).isZero();
            assertThat(f.layer()).isZero();
            assertThat(f.evidence()).contains("hidden-0: 6 of 6 units have a twin; the layer computes 1 distinct unit; "
                    + "largest group [0, 1, 2, 3, 4, 5]");
            assertThat(f.prescription()).contains("Never use zeros");
        });
    }

    @Test
    void findsExactlyOnePairOfTwinsPerLayerWhenOneUnitCopiesAnother() {
        SeedRuns.Run run = SeedRuns.train(NETWORK.formatted("{name: test-twin-units, copy-from: 0, copy-to: 2}"));

        assertThat(run.value("layer.symmetric.units", 0, 0)).isEqualTo(2.0);
        assertThat(run.value("layer.symmetric.units", 0, 1)).isEqualTo(2.0);
        assertThat(run.value("layer.symmetric.units", 0, 2)).isEqualTo(2.0);
        assertThat(run.findings(Pathology.SYMMETRY)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).contains("hidden-1: 2 of 4 units have a twin; the layer computes 3 distinct units; "
                    + "largest group [0, 2]");
        });
    }

    @Test
    void randomInitializationHasNoSymmetricUnits() {
        SeedRuns.Run run = SeedRuns.tanhXavier();

        for (int layer = 0; layer < 11; layer++) {
            assertThat(run.value("layer.symmetric.units", 0, layer)).isZero();
        }
        assertThat(run.findings(Pathology.SYMMETRY)).isEmpty();
    }
}
