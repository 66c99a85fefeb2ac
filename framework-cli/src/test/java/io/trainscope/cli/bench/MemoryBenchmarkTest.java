package io.trainscope.cli.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The memory benchmark's growth figure: a least-squares slope over the epochs after the warm-up. */
class MemoryBenchmarkTest {

    @Test
    void growthIsTheSlopeOverTheFittedEpochsOnly() {
        // a warm-up that climbs 40 MiB, then 4.5 MiB per epoch (the leak the reliability issue fixed)
        double[] leaking = {300, 320, 340, 345, 349.5, 354, 358.5, 363};
        assertThat(MemoryBenchmark.slope(leaking, 3)).isCloseTo(4.5, within(1e-9));
        assertThat(MemoryBenchmark.slope(leaking, 0)).isGreaterThan(8);
    }

    @Test
    void aFlatSeriesWithNoiseHasAGrowthNearZeroAndMissingEpochsAreSkipped() {
        double[] flat = {300, 380, 400.5, 399.5, Double.NaN, 400.5, 399.5, 400};
        assertThat(MemoryBenchmark.slope(flat, 2)).isCloseTo(-0.05, within(0.1));
        assertThat(MemoryBenchmark.slope(new double[]{1, Double.NaN}, 0)).isNaN();
        assertThat(MemoryBenchmark.slope(new double[]{1, 2, 3}, 3)).isNaN();
    }
}
