package io.trainscope.core.monitor;

import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.HostArray;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class Nd4jStatisticsTest {

    private static INDArray grid(char order) {
        return Nd4j.create(new float[][]{{1, 2, 3}, {4, 5, 6}}).dup(order);
    }

    private static void assertSameElements(HostArray h, INDArray a) {
        assertThat(h.rows()).isEqualTo(a.rows());
        assertThat(h.columns()).isEqualTo(a.columns());
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.columns(); c++) {
                assertThat((double) h.get(r, c)).as("(%s, %s)", r, c).isEqualTo(a.getDouble(r, c));
            }
        }
    }

    @Test
    void copiesRowMajorAndColumnMajorMatricesAsTheyLieInMemory() {
        Nd4jStatistics stats = new Nd4jStatistics();
        assertSameElements(stats.host(grid('c')), grid('c'));
        HostArray f = stats.host(grid('f'));
        assertSameElements(f, grid('f'));
        assertThat(f.columnMajor()).isTrue();
    }

    @Test
    void copiesAViewAtAnOffsetOfALargerBufferDirectly() {
        INDArray flat = Nd4j.arange(20).castTo(DataType.FLOAT);
        INDArray view = flat.get(NDArrayIndex.interval(8, 14)).reshape('f', 2, 3);
        assertThat(Nd4jStatistics.dense(view)).isTrue();
        assertSameElements(new Nd4jStatistics().host(view), view);
    }

    @Test
    void copiesAStridedViewAndOtherTypesThroughATemporaryCopy() {
        INDArray column = grid('c').get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3));
        assertThat(Nd4jStatistics.dense(column)).isFalse();
        assertSameElements(new Nd4jStatistics().host(column), column);
        INDArray doubles = grid('c').castTo(DataType.DOUBLE);
        assertSameElements(new Nd4jStatistics().host(doubles), doubles);
    }

    @Test
    void sharesOneCopyPerArrayUntilInvalidatedAndThenReusesTheBuffer() {
        Nd4jStatistics stats = new Nd4jStatistics();
        INDArray a = grid('c');
        HostArray first = stats.host(a);
        assertThat(stats.host(a)).isSameAs(first);
        float[] buffer = first.values();
        a.assign(7);
        assertThat(stats.host(a).get(0, 0)).as("cached until invalidated").isEqualTo(1f);
        stats.invalidate();
        HostArray fresh = stats.host(a);
        assertThat(fresh.get(0, 0)).isEqualTo(7f);
        assertThat(fresh.values()).as("pooled buffer").isSameAs(buffer);
    }

    @Test
    void normsMatchNd4jAndAreRememberedWithinACallback() {
        Nd4jStatistics stats = new Nd4jStatistics();
        INDArray a = Nd4j.randn(DataType.FLOAT, 37, 19);
        INDArray b = Nd4j.rand(DataType.FLOAT, 5, 300).reshape('f', 30, 50);
        double[] n = stats.norms(List.of(a, b, a));
        assertThat(n[0]).isCloseTo(a.norm2Number().doubleValue(), within(1e-4 * n[0]));
        assertThat(n[1]).isCloseTo(b.norm2Number().doubleValue(), within(1e-4 * n[1]));
        assertThat(n[2]).isEqualTo(n[0]);
        a.muli(2);
        assertThat(stats.norms(List.of(a))[0]).isEqualTo(n[0]);
        stats.invalidate();
        assertThat(stats.norms(List.of(a))[0]).isCloseTo(2 * n[0], within(1e-4 * n[0]));
    }

    @Test
    void aNonFiniteValueMakesTheNormNonFinite() {
        INDArray a = Nd4j.create(new float[]{1, Float.NaN, 2});
        assertThat(new Nd4jStatistics().norms(List.of(a))[0]).isNaN();
    }

    @Test
    void hugeButFiniteValuesHaveAFiniteNorm() {
        INDArray a = Nd4j.valueArrayOf(new long[]{64, 64}, 1e20f, DataType.FLOAT);
        assertThat(new Nd4jStatistics().norms(List.of(a))[0]).isCloseTo(64 * (double) 1e20f, within(1e-6 * 64e20));
    }

    @Test
    void aDoubleArrayBeyondTheFloatRangeHasAFiniteNormAndOnlyNanOrInfinityMakeItNonFinite() {
        INDArray huge = Nd4j.valueArrayOf(new long[]{3, 4}, 1e300, DataType.DOUBLE);
        INDArray small = Nd4j.create(new double[]{3, -4, 0}, new long[]{1, 3}, DataType.DOUBLE);
        double[] n = new Nd4jStatistics().norms(List.of(huge, small));
        assertThat(n[0]).isCloseTo(1e300 * Math.sqrt(12), within(1e288));
        assertThat(n[1]).isCloseTo(5.0, within(1e-12));

        huge.putScalar(5, Double.POSITIVE_INFINITY);
        assertThat(new Nd4jStatistics().norms(List.of(huge))[0]).isInfinite();
        huge.putScalar(7, Double.NaN);
        assertThat(new Nd4jStatistics().norms(List.of(huge))[0]).isNaN();
        assertThat(new Nd4jStatistics().norms(List.of(Nd4j.zeros(DataType.DOUBLE, 2, 2)))[0]).isZero();
    }

    @Test
    void histogramsCountValuesInsideTheRangeAndDropTheRest() {
        INDArray a = Nd4j.create(new float[]{-5, 0, 0.1f, 0.5f, 0.99f, 1, 2});
        Histogram h = new Nd4jStatistics().histogram(a, 0, 1, 2);
        assertThat(h.counts()).containsExactly(2, 3);
        assertThat(h.edges()).containsExactly(0.0, 0.5, 1.0);
    }
}
