package io.trainscope.examples.seed000;

import io.trainscope.core.Trainscope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static io.trainscope.examples.seed000.VanishingGradients.median;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000's picture, as the foundation issue states it: the median over the configs' five seeds
 * of the ratio of layer 0's weight-gradient norm to the last hidden layer's, at initialization.
 */
class VanishingGradientsTest {

    private static Map<String, double[]> ratios;

    @BeforeAll
    static void runTheFourConfigs() {
        ratios = VanishingGradients.run(Trainscope.create(), Path.of("configs"));
    }

    @Test
    void everyConfigReportsFiveSeeds() {
        assertThat(ratios.values()).allSatisfy(r -> assertThat(r).hasSize(5));
    }

    @Test
    void sigmoidWithUnitNormalWeightsVanishes() {
        assertThat(median(ratios.get("seed000-sigmoid-normal"))).isLessThan(2e-2);
    }

    @Test
    void sigmoidWithTinyUniformWeightsVanishesAlmostCompletely() {
        assertThat(median(ratios.get("seed000-sigmoid-uniform"))).isLessThan(1e-10);
    }

    @Test
    void tanhWithXavierKeepsTheGradient() {
        assertThat(median(ratios.get("seed000-tanh-xavier"))).isBetween(0.01, 100.0);
    }

    @Test
    void reluWithHeKeepsTheGradient() {
        assertThat(median(ratios.get("seed000-relu-he"))).isBetween(0.01, 100.0);
    }
}
