package io.trainscope.api.monitor;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HostArrayTest {

    @Test
    void readsElementsInEitherMemoryOrder() {
        float[] rowMajor = {1, 2, 3, 4, 5, 6};
        float[] columnMajor = {1, 4, 2, 5, 3, 6};
        HostArray c = new HostArray(rowMajor, 2, 3, false);
        HostArray f = new HostArray(columnMajor, 2, 3, true);
        for (int r = 0; r < 2; r++) {
            for (int col = 0; col < 3; col++) {
                assertThat(f.get(r, col)).isEqualTo(c.get(r, col)).isEqualTo(3f * r + col + 1);
            }
        }
    }

    @Test
    void onlyTheFirstSizeValuesCount() {
        HostArray h = new HostArray(new float[]{3, 4, 100, 100}, 1, 2, false);
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.sumOfSquares()).isEqualTo(25.0);
        assertThat(h.summary().max()).isEqualTo(4.0);
    }

    @Test
    void sumOfSquaresOverARangeAddsUpToTheWhole() {
        float[] v = new float[10_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 7) - 3;
        }
        HostArray h = new HostArray(v, 100, 100, false);
        double whole = 0;
        for (float x : v) {
            whole += x * x;
        }
        assertThat(h.sumOfSquares()).isEqualTo(whole);
        assertThat(h.sumOfSquares(0, 4_321) + h.sumOfSquares(4_321, 10_000)).isEqualTo(whole);
    }

    @Test
    void hugeButFiniteValuesHaveAFiniteSumOfSquaresInEveryBlockPosition() {
        // 1e19 squared is 1e38 (a float); 3e19 squared overflows a float but not a double
        for (int size : new int[]{3, 8, 4_096, 10_000}) {
            float[] v = new float[size];
            Arrays.fill(v, 3e19f);
            HostArray h = new HostArray(v, 1, size, false);
            double expected = size * (double) 3e19f * 3e19f;
            assertThat(h.sumOfSquares()).as("%d values of 3e19", size).isFinite().isCloseTo(expected, within(expected * 1e-9));
        }
        float[] mixed = new float[9_000];
        mixed[4_100] = Float.MAX_VALUE;
        mixed[5] = 1.5f;
        double expected = (double) Float.MAX_VALUE * Float.MAX_VALUE + 2.25;
        assertThat(new HostArray(mixed, 90, 100, false).sumOfSquares()).isCloseTo(expected, within(expected * 1e-12));
    }

    @Test
    void onlyANanOrAnInfinityMakesTheSumOfSquaresNonFinite() {
        float[] v = new float[5_000];
        Arrays.fill(v, 2e19f);
        v[17] = Float.NEGATIVE_INFINITY;
        assertThat(new HostArray(v, 1, v.length, false).sumOfSquares()).isEqualTo(Double.POSITIVE_INFINITY);
        v[17] = Float.NaN;
        assertThat(new HostArray(v, 1, v.length, false).sumOfSquares()).isNaN();
    }

    @Test
    void summaryIsPopulationStatistics() {
        Statistics.Summary s = new HostArray(new float[]{1, 2, 3, 4}, 1, 4, false).summary();
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.std()).isCloseTo(Math.sqrt(1.25), within(1e-12));
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(4.0);
        assertThat(s.count()).isEqualTo(4);
    }

    @Test
    void summaryOfLargeOffsetValuesKeepsItsPrecision() {
        Statistics.Summary s = new HostArray(new float[]{10000.5f, 10001.5f}, 1, 2, false).summary();
        assertThat(s.std()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aNanMakesTheSummaryNan() {
        Statistics.Summary s = new HostArray(new float[]{1, Float.NaN, 3}, 1, 3, false).summary();
        assertThat(s.mean()).isNaN();
        assertThat(new HostArray(new float[]{1, Float.POSITIVE_INFINITY}, 1, 2, false).sumOfSquares()).isInfinite();
    }

    @Test
    void varianceOfEveryKthValueIsASystematicSample() {
        HostArray h = new HostArray(new float[]{1, 100, 100, 2, 100, 100, 3, 100, 100, 4}, 1, 10, false);
        assertThat(h.variance(3)).isCloseTo(1.25, within(1e-12));
        assertThat(new HostArray(new float[]{7}, 1, 1, false).variance(1)).isZero();
    }
    @Test
    void sumMatchesADoubleSumOfTheFirstSizeValues() {
        for (int size : new int[]{0, 1, 7, 8, 4_096, 10_001}) {
            float[] v = new float[size + 3];
            double expected = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) Math.sin(i) * 3 + 0.25f;
                expected += i < size ? v[i] : 0;
            }
            assertThat(new HostArray(v, 1, size, false).sum()).as("size %s", size).isCloseTo(expected, within(1e-6 * (1 + size)));
        }
    }

    @Test
    void aSumOfHugeFiniteValuesStaysFiniteAndOnlyNanOrInfinityMakeItNonFinite() {
        float[] v = new float[5_000];
        Arrays.fill(v, 3e38f);
        assertThat(new HostArray(v, 1, v.length, false).sum()).isCloseTo(5_000 * (double) 3e38f, within(1e-6 * 5_000 * 3e38));
        v[4_321] = Float.NEGATIVE_INFINITY;
        assertThat(new HostArray(v, 1, v.length, false).sum()).isEqualTo(Double.NEGATIVE_INFINITY);
        v[17] = Float.NaN;
        assertThat(new HostArray(v, 1, v.length, false).sum()).isNaN();
    }
}
