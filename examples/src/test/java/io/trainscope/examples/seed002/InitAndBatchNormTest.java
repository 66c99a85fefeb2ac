package io.trainscope.examples.seed002;

import io.trainscope.core.Trainscope;
import io.trainscope.examples.ExamplePaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Seed 002 on MNIST, one epoch per run: N(0, 1) weights start far above ln 10 and saturate most
 * tanh outputs, PyTorch's default starts near ln 10,
 * the spread of x·w grows as the square root of the fan-in, and batchnorm lowers the first epoch's loss.
 */
class InitAndBatchNormTest {

    private static final Path CONFIGS = ExamplePaths.configs();
    private static Trainscope trainscope;

    @BeforeAll
    static void needsMnist() {
        assumeTrue(Files.isDirectory(ExamplePaths.mnist()), "MNIST is not at " + ExamplePaths.mnist() + ": skipped");
        trainscope = Trainscope.create();
    }

    @Test
    void unitNormalWeightsStartFarAboveLnTenAndADefaultInitNearIt() {
        Map<String, Seed002Results.Curve> curves = Seed002Results.curves(trainscope, CONFIGS.resolve("seed002-init.yaml"), 1);
        double ln10 = Math.log(10);
        assertThat(curves.get("normal(std=1)").initialLoss()).isGreaterThan(3 * ln10);
        assertThat(curves.get("torch-default").initialLoss()).isCloseTo(ln10, within(0.2 * ln10));
        assertThat(curves.get("normal(std=1)").saturation()).isGreaterThan(50);
        assertThat(curves.get("torch-default").saturation()).isLessThan(5);
    }

    @Test
    void theSaturationMapIsMostlyWhite() {
        Seed002Results.SaturationMap map = Seed002Results.saturationMap(trainscope, CONFIGS.resolve("seed002-init.yaml"), 32);
        assertThat(map.saturated()).hasNumberOfRows(32);
        assertThat(map.saturated()[0]).hasSize(128);
        assertThat(map.share()).isGreaterThan(0.5);
        assertThat(map.fullUnits()).as("with zero biases not every unit is saturated for all 32 examples").isLessThan(128);
    }

    @Test
    void theSpreadOfXTimesWGrowsAsTheSquareRootOfTheFanIn() {
        Seed002Results.productSpread(42, 10, 100, 784).forEach((k, s) -> {
            assertThat(s[1] / Math.sqrt(k)).isCloseTo(1.0, within(0.1));
            assertThat(s[2]).isCloseTo(1.0, within(0.1));
        });
    }

    @Test
    void batchnormLowersTheFirstEpochsLossOfTheUnitNormalNetwork() {
        Map<String, Seed002Results.Curve> curves = Seed002Results.curves(trainscope,
                CONFIGS.resolve("seed002-batchnorm.yaml"), 1);
        assertThat(curves).hasSize(2);
        var losses = curves.values().stream().map(c -> c.epochLosses().get(0)).toList();
        assertThat(losses.get(1)).as("with batchnorm").isLessThan(losses.get(0));
    }
}
