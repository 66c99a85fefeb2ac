package io.trainscope.core.monitor;

import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.HostArray;
import io.trainscope.api.monitor.Statistics;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;
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
    /** Every {@code stride}-th value of the host copy's values, as {@code Statistics#sample} defines its sample. */
    private static float[] strided(HostArray all, int stride) {
        float[] out = new float[(all.size() - 1) / stride + 1];
        for (int j = 0; j < out.length; j++) {
            out[j] = all.values()[j * stride];
        }
        return out;
    }

    private static void assertSampleOfHostCopy(INDArray a, int maxValues) {
        HostArray all = new Nd4jStatistics().host(a);
        int stride = Statistics.sampleStride(all.rows(), all.columns(), maxValues);
        assertThat(stride).as("the test needs a sample, not every value").isGreaterThan(1);
        HostArray sample = new Nd4jStatistics().sample(a, maxValues);
        assertThat(sample.size()).isEqualTo((all.size() - 1) / stride + 1).isLessThanOrEqualTo(maxValues);
        assertThat(Arrays.copyOf(sample.values(), sample.size())).containsExactly(strided(all, stride));
    }

    @Test
    void aSampleIsEveryKthValueOfTheHostCopyInEveryLayout() {
        INDArray c = Nd4j.randn(DataType.FLOAT, 120, 50);
        assertSampleOfHostCopy(c, 1000);
        assertSampleOfHostCopy(c.dup('f'), 1000);
        INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 9000);
        assertSampleOfHostCopy(flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(1000, 7000)).reshape('f', 60, 100), 500);
        assertSampleOfHostCopy(c.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 40)), 700);
        assertSampleOfHostCopy(c.castTo(DataType.DOUBLE), 1000);
        INDArray conv = Nd4j.randn(DataType.FLOAT, 8, 3, 10, 10);
        assertSampleOfHostCopy(conv, 300);
        assertSampleOfHostCopy(conv.dup('f'), 300);
        assertSampleOfHostCopy(Nd4j.randn(DataType.FLOAT, 5000), 1000);
    }

    @Test
    void aSampleOfAnArrayNoLargerThanItIsTheHostCopyItself() {
        Nd4jStatistics stats = new Nd4jStatistics();
        INDArray a = Nd4j.randn(DataType.FLOAT, 30, 20);
        assertThat(stats.sample(a, 600)).isSameAs(stats.host(a));
        INDArray b = Nd4j.randn(DataType.FLOAT, 30, 20);
        assertThat(stats.sample(b, 0)).as("0: every value").isSameAs(stats.host(b));
        assertThat(stats.sample(Nd4j.create(DataType.FLOAT, 0), 10).size()).isZero();
    }

    @Test
    void aSampleKeepsNanAndInfinitiesWhereTheyLie() {
        INDArray a = Nd4j.randn(DataType.FLOAT, 100, 70);
        int stride = Statistics.sampleStride(100, 70, 1000);
        a.putScalar(0, Float.NaN);
        a.putScalar(stride * 5L, Float.POSITIVE_INFINITY);
        HostArray sample = new Nd4jStatistics().sample(a, 1000);
        assertThat(sample.values()[0]).isNaN();
        assertThat(sample.values()[5]).isInfinite();
    }

    @Test
    void samplesAreSharedUntilInvalidatedAndReadFromAnExistingHostCopy() {
        Nd4jStatistics stats = new Nd4jStatistics();
        INDArray a = Nd4j.randn(DataType.FLOAT, 100, 70);
        HostArray first = stats.sample(a, 1000);
        assertThat(stats.sample(a, 1000)).isSameAs(first);
        assertThat(stats.sample(a, 3000)).as("another stride").isNotSameAs(first);
        a.muli(2);
        assertThat(stats.sample(a, 1000).values()[1]).as("cached until invalidated").isEqualTo(first.values()[1]);
        stats.invalidate();
        HostArray copy = stats.host(a);
        HostArray fresh = stats.sample(a, 1000);
        assertThat(Arrays.copyOf(fresh.values(), fresh.size()))
                .containsExactly(strided(copy, Statistics.sampleStride(100, 70, 1000)));
    }

    @Test
    void theDefaultSampleReadsTheSameValuesFromTheHostCopy() {
        Nd4jStatistics stats = new Nd4jStatistics();
        Statistics hostOnly = new Statistics() {
            @Override
            public double[] norms(List<INDArray> arrays) {
                return stats.norms(arrays);
            }

            @Override
            public HostArray host(INDArray array) {
                return stats.host(array);
            }

            @Override
            public Summary[] summaries(List<INDArray> arrays) {
                return stats.summaries(arrays);
            }

            @Override
            public Histogram histogram(INDArray values, double low, double high, int bins) {
                return stats.histogram(values, low, high, bins);
            }

            @Override
            public Histogram histogram(INDArray values, int bins) {
                return stats.histogram(values, bins);
            }
        };
        INDArray a = Nd4j.randn(DataType.FLOAT, 100, 70).dup('f');
        HostArray expected = new Nd4jStatistics().sample(a, 1000);
        HostArray sample = hostOnly.sample(a, 1000);
        assertThat(Arrays.copyOf(sample.values(), sample.size())).containsExactly(Arrays.copyOf(expected.values(), expected.size()));
        assertThat(hostOnly.sample(a, 7000)).isSameAs(stats.host(a));
    }

    @Test
    void normsReadFromMemoryAreExactlyThoseOfTheHostCopy() {
        INDArray flat = Nd4j.randn(DataType.FLOAT, 1, 30_000);
        List<INDArray> arrays = List.of(Nd4j.randn(DataType.FLOAT, 3, 5000), Nd4j.randn(DataType.FLOAT, 4096),
                Nd4j.randn(DataType.FLOAT, 7), flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(1234, 21234)).reshape('f', 100, 200),
                Nd4j.randn(DataType.FLOAT, 40, 300).dup('f'));
        double[] read = new Nd4jStatistics().norms(arrays);
        for (int i = 0; i < read.length; i++) {
            assertThat(read[i]).as("array %s", i).isEqualTo(Math.sqrt(new Nd4jStatistics().host(arrays.get(i)).sumOfSquares()));
        }
    }

    @Test
    void aNonFiniteValueInAnyChunkOfALargeArrayMakesItsNormNonFinite() {
        int n = 3 * 4096 + 100;
        for (int at : new int[]{0, 4095, 4096, 2 * 4096 + 17, n - 1}) {
            for (float bad : new float[]{Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                INDArray a = Nd4j.randn(DataType.FLOAT, n);
                a.putScalar(at, bad);
                assertThat(new Nd4jStatistics().norms(List.of(a))[0]).as("%s at %s", bad, at).matches(x -> !Double.isFinite(x));
            }
        }
        INDArray largest = Nd4j.valueArrayOf(new long[]{n}, Float.MAX_VALUE, DataType.FLOAT);
        assertThat(new Nd4jStatistics().norms(List.of(largest))[0]).isFinite();
    }
}
