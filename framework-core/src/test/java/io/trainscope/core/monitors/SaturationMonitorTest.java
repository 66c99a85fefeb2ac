package io.trainscope.core.monitors;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The saturation monitor on seed 000's networks and on layers built to have a known answer. */
class SaturationMonitorTest {

    @Test
    void seed000NormalInitSaturatesTheSigmoidLayersAndIsReported() {
        SeedRuns.Run run = SeedRuns.sigmoidNormal();

        // layer 0: z ~ N(0, 50), flat where |z| > ln(99) = 4.6, i.e. P(|N(0,1)| > 0.65) = 52%
        assertThat(run.value("layer.saturation.percent", 0, 0)).isBetween(45.0, 58.0);
        for (int layer = 1; layer < 10; layer++) {
            assertThat(run.value("layer.saturation.percent", 0, layer)).as("layer %s", layer).isGreaterThan(15.0);
        }
        assertThat(run.findings(Pathology.SATURATION)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.iteration()).isZero();
            assertThat(f.evidence()).anyMatch(e -> e.startsWith("hidden-0: 5") && e.contains("% of 1000 x 50 outputs flat"
                    + " (a <= 0.0100 or a >= 0.990)"));
            assertThat(f.prescription()).contains("xavier-normal").contains("batchnorm").contains("learning rate")
                    .contains("relu");
        });
    }

    @Test
    void tanhWithXavierInitStaysOutOfTheFlatRegion() {
        SeedRuns.Run run = SeedRuns.tanhXavier();

        // z ~ N(0, about 1): |tanh z| >= 0.99 needs |z| >= 2.65, about 1% of outputs in layer 0, fewer after
        for (int layer = 0; layer < 10; layer++) {
            assertThat(run.value("layer.saturation.percent", 0, layer)).as("layer %s", layer).isLessThan(3.0);
            assertThat(run.value("layer.activation.std", 0, layer)).as("layer %s", layer).isGreaterThan(0.1);
        }
        assertThat(run.findings(Pathology.SATURATION)).isEmpty();
        assertThat(run.findings(Pathology.COLLAPSED_ACTIVATIONS)).isEmpty();
    }

    @Test
    void seed000TinyUniformInitCollapsesTheActivationsAndIsReported() {
        SeedRuns.Run run = SeedRuns.sigmoidUniform();

        for (int layer = 1; layer < 10; layer++) {
            assertThat(run.value("layer.activation.std", 0, layer)).as("layer %s", layer).isLessThan(0.0098);
            assertThat(run.value("layer.activation.mean", 0, layer)).as("layer %s", layer).isBetween(0.49, 0.51);
        }
        assertThat(run.findings(Pathology.COLLAPSED_ACTIVATIONS)).singleElement().satisfies(f -> {
            assertThat(f.summary()).startsWith("Activations collapsed in");
            assertThat(f.evidence()).anyMatch(e -> e.startsWith("hidden-1: std 0.00"));
        });
        assertThat(run.findings(Pathology.SATURATION)).isEmpty();
    }

    @Test
    void countsExactlyTheUnitsFlatForEveryExample() {
        // +0.5 weights, -0.5 into units 1 and 3, positive inputs, zero biases: those two relu units are 0 for
        // every example in both layers, the three others positive
        SeedRuns.Run run = SeedRuns.train("""
                data: {source: test-positive, samples: 50, features: 4}
                model: {hidden: [5, 5], activation: relu, init: {name: test-dead-units, dead: [1, 3]}}
                training: {optimizer: {name: sgd, learning-rate: 0.000001}, epochs: 1, batch-size: 50}
                monitors: [saturation]
                """);

        for (int layer = 0; layer < 2; layer++) {
            assertThat(run.value("layer.saturated.units", 0, layer)).isEqualTo(2.0);
            assertThat(run.value("layer.saturation.percent", 0, layer)).isEqualTo(40.0);
        }
        assertThat(run.result().findings()).extracting(Finding::pathology).doesNotContain(Pathology.SATURATION);
    }

    @Test
    void takesTheFlatRegionFromTheActivationPluginsParameters() {
        String config = """
                data: {source: gaussian-classification, samples: 200, features: 20}
                model: {hidden: [20], activation: %s, init: xavier-normal}
                training: {epochs: 1, batch-size: 200, seed: 3}
                monitors: [saturation]
                """;
        double strict = SeedRuns.train(config.formatted("tanh")).value("layer.saturation.percent", 0, 0);
        double loose = SeedRuns.train(config.formatted("{name: tanh, saturation-threshold: 0.2}"))
                .value("layer.saturation.percent", 0, 0);

        // z ~ N(0, about 1): |tanh z| >= 0.2 for |z| >= 0.2, about 84% of outputs; >= 0.99 for about 1%
        assertThat(strict).isLessThan(5.0);
        assertThat(loose).isBetween(70.0, 95.0);
    }
}
