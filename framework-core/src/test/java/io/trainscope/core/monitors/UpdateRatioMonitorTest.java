package io.trainscope.core.monitors;

import io.trainscope.api.monitor.Pathology;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The update-ratio monitor against the step computed by hand from the views. */
class UpdateRatioMonitorTest {

    @Test
    void withPlainSgdTheRatioIsTheLearningRateTimesTheGradientNormOverTheWeightNorm() {
        SeedRuns.Run run = SeedRuns.tanhXavier();
        CaptureMonitor seen = run.capture();

        assertThat(seen.learningRate).isEqualTo(0.1);
        for (int l = 0; l < 11; l++) {
            double expected = 0.1 * Hand.norm(seen.gradients.get(l)) / Hand.norm(seen.weightsAfter.get(l));
            assertThat(run.value("layer.update.ratio", 0, l)).as("layer %s", l).isCloseTo(expected, within(1e-4 * expected));
        }
    }

    @Test
    void withAdamTheRatioIsThatOfTheStepActuallyApplied() {
        SeedRuns.Run run = SeedRuns.train("""
                data: {source: gaussian-classification, samples: 64, features: 8}
                model: {hidden: [6], activation: relu, init: he-normal}
                training: {optimizer: {name: adam, learning-rate: 0.01}, epochs: 1, batch-size: 64, seed: 2}
                monitors: [{name: update-ratio, every: 1}, test-capture]
                """);
        CaptureMonitor seen = run.capture();

        for (int l = 0; l < 2; l++) {
            double expected = Hand.norm(seen.updates.get(l)) / Hand.norm(seen.weightsAfter.get(l));
            assertThat(run.value("layer.update.ratio", 0, l)).isCloseTo(expected, within(1e-4 * expected));
            // Adam's first step moves every weight by about the learning rate
            double perWeight = Hand.norm(seen.updates.get(l)) / Math.sqrt(seen.updates.get(l).length
                    * seen.updates.get(l)[0].length);
            assertThat(perWeight).isCloseTo(0.01, within(0.002));
        }
    }

    @Test
    void seed000TinyUniformInitBarelyMovesItsFirstLayersAndIsReported() {
        SeedRuns.Run run = SeedRuns.sigmoidUniform();

        assertThat(run.value("layer.update.ratio", 0, 1)).isLessThan(1e-10);
        assertThat(run.findings(Pathology.UPDATE_RATIO)).anySatisfy(f -> {
            assertThat(f.summary()).contains("barely move");
            assertThat(f.evidence()).anyMatch(e -> e.startsWith("hidden-1: median "));
        });
    }
}
