package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.Histogram;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DistributionTest {

    @Test
    void binsEveryFiniteValueBetweenTheSmallestAndTheLargest() {
        float[] v = {0f, 1f, 2f, 3f, 4f, Float.NaN, Float.POSITIVE_INFINITY};

        Histogram h = Distribution.of(v, v.length, 4).histogram();

        assertThat(h.edges()).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0);
        assertThat(h.counts()).containsExactly(1, 1, 1, 2); // the last bin holds its upper edge
    }

    @Test
    void scalesValuesBeforeBinningThem() {
        float[] v = {10f, 20f, 30f, 40f};

        Distribution d = Distribution.of(v, v.length, 1, 0.1, 2);

        assertThat(d.low()).isCloseTo(1.0, within(1e-9));
        assertThat(d.high()).isCloseTo(4.0, within(1e-9));
        assertThat(d.histogram().counts()).containsExactly(2, 2);
        assertThat(d.mean()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void readsOnlyTheFirstNValues() {
        float[] v = {1f, 2f, 100f};

        assertThat(Distribution.of(v, 2, 5).high()).isEqualTo(2.0);
    }

    @Test
    void givesNothingWhenNoFiniteValueIsLeft() {
        assertThat(Distribution.of(new float[]{Float.NaN, Float.NEGATIVE_INFINITY}, 2, 5)).isNull();
        assertThat(Distribution.of(new float[0], 0, 5)).isNull();
    }

    @Test
    void spreadsEqualValuesOverATinyRangeInsteadOfFailing() {
        float[] v = {0.5f, 0.5f, 0.5f};

        Distribution d = Distribution.of(v, v.length, 10);

        assertThat(d.histogram().total()).isEqualTo(3);
        assertThat(d.quantile(0.5)).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void quantilesAgreeWithSortedOrderStatisticsWithinOneFineBin() {
        SplittableRandom random = new SplittableRandom(3);
        float[] v = new float[20_001];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * Math.exp(random.nextGaussian())); // heavy tails
        }
        int bins = 50;
        Distribution d = Distribution.of(v, v.length, bins);
        double fineBin = (d.high() - d.low()) / (bins * Distribution.SUB_BINS);
        float[] sorted = v.clone();
        Arrays.sort(sorted);

        for (double p : new double[]{0.05, 0.25, 0.5, 0.75, 0.95}) {
            double rank = (v.length - 1) * p; // NumPy's default: linear between order statistics
            int lo = (int) Math.floor(rank);
            double exact = sorted[lo] + (rank - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
            assertThat(d.quantile(p)).as("p = %s", p).isCloseTo(exact, within(fineBin));
        }
    }

    @Test
    void quantilesOfAnEvenGridAreItsValues() {
        float[] v = new float[1001];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        Distribution d = Distribution.of(v, v.length, 50);

        // a fine bin is 1000 / 3200 wide: each quantile is within it of the exact p * 1000
        assertThat(d.quantile(0.05)).isCloseTo(50, within(1000.0 / 3200));
        assertThat(d.quantile(0.5)).isCloseTo(500, within(1000.0 / 3200));
        assertThat(d.quantile(0.95)).isCloseTo(950, within(1000.0 / 3200));
    }

    @Test
    void aStrideReadsEveryKthValueOnly() {
        float[] v = {0f, 100f, 100f, 1f, 100f, 100f, 2f, 100f};

        Distribution d = Distribution.of(v, v.length, 3, 1.0, 2);

        assertThat(d.count()).isEqualTo(3);
        assertThat(d.high()).isEqualTo(2.0);
        assertThat(d.mean()).isEqualTo(1.0);
    }

    @Test
    void theSampleStrideIsOneForSmallArraysAndAPrimeCoprimeToBothDimensionsOtherwise() {
        assertThat(Distribution.stride(50, 50, 65_536)).isEqualTo(1);
        assertThat(Distribution.stride(784, 512, 0)).isEqualTo(1);
        // ceil(401408 / 65536) = 7 divides 784 = 16 x 49; the next prime, 11, divides neither
        assertThat(Distribution.stride(784, 512, 65_536)).isEqualTo(11);
        assertThat(Distribution.stride(256, 512, 65_536)).isEqualTo(3);
    }

    @Test
    void aCoprimeStrideSamplesEveryRowOfAColumnMajorMatrixEvenly() {
        int rows = 784;
        int columns = 512;
        int stride = Distribution.stride(rows, columns, 65_536);
        int[] perRow = new int[rows];
        for (int i = 0; i < rows * columns; i += stride) {
            perRow[i % rows]++; // column-major: element i is in row i mod rows
        }

        assertThat(Arrays.stream(perRow).min().getAsInt()).isGreaterThanOrEqualTo(columns / stride);
        assertThat(Arrays.stream(perRow).max().getAsInt()).isLessThanOrEqualTo(columns / stride + 1);
    }

    @Test
    void log10MagnitudesSkipZerosAndMatchMathLog10() {
        SplittableRandom random = new SplittableRandom(5);
        float[] v = new float[10_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 10 == 0 ? 0f : (float) ((random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble(-40, 30)));
        }
        v[1] = Float.MIN_VALUE; // subnormal
        v[2] = -0f;
        float[] out = new float[v.length];

        int n = Distribution.log10Magnitudes(v, v.length, 1, 0.5, out);

        int m = 0;
        for (float x : v) {
            if (x != 0f) {
                assertThat((double) out[m++]).as("log10 |%s * 0.5|", x).isCloseTo(Math.log10(Math.abs(x) * 0.5), within(1e-5));
            }
        }
        assertThat(n).isEqualTo(m).isEqualTo(v.length - 1000 - 1);
    }
    @Test
    void quantilesInOnePassAreExactlyThoseOneByOne() {
        java.util.Random random = new java.util.Random(3);
        float[] v = new float[5_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * (i % 7 == 0 ? 10 : 1));
        }
        double[] levels = {0, 0.05, 0.25, 0.25, 0.5, 0.75, 0.95, 1};
        for (Distribution d : new Distribution[]{Distribution.of(v, v.length, 50), Distribution.of(new float[]{2, 2, 2}, 3, 10)}) {
            double[] q = d.quantiles(levels);
            for (int i = 0; i < levels.length; i++) {
                assertThat(q[i]).as("p = %s", levels[i]).isEqualTo(d.quantile(levels[i]));
            }
        }
        assertThatThrownBy(() -> Distribution.of(v, v.length, 50).quantiles(0.5, 0.25)).isInstanceOf(IllegalArgumentException.class);
    }
}
