package io.trainscope.core.checkpoint;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/** The finite-values scan by exponent bits: every non-finite float found wherever it sits, no finite one taken for it. */
class FiniteValuesTest {

    private final FiniteValues finite = new FiniteValues();

    @Test
    void extremeFiniteValuesAreFinite() {
        float[] values = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 0f, -0f,
                1f, -1f, 3.4e38f, 1e-45f, Float.intBitsToFloat(0x7f7fffff), Float.intBitsToFloat(0xff7fffff)};
        assertThat(finite.all(Nd4j.createFromArray(values))).isTrue();
        assertThat(finite.all(Nd4j.rand(DataType.FLOAT, 3, 40_000).subi(0.5).muli(Float.MAX_VALUE))).isTrue();
    }

    @Test
    void aNonFiniteValueIsFoundInAnyChunkAndAtTheLastPosition() {
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc00001),
                Float.intBitsToFloat(0xffffffff)};
        int n = 3 * (1 << 14) + 17;                       // three chunks and a partial one
        for (float b : bad) {
            for (int at : new int[]{0, 1, (1 << 14) - 1, 1 << 14, 2 * (1 << 14) + 5, n - 1}) {
                INDArray a = Nd4j.rand(DataType.FLOAT, n);
                a.putScalar(at, b);
                assertThat(finite.all(a)).as("%s at %d", b, at).isFalse();
            }
        }
    }

    @Test
    void aNonFiniteValueIsFoundWhereverTheChunkFoldPutsIt() {
        int chunk = 1 << 14;
        int n = 2 * chunk + 300;                          // two folded chunks and a rest longer than the last fold
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        // each half the fold ORs into the lower half, at both ends, in the first and second chunk and the rest
        int[] inChunk = {0, 255, 256, 511, 512, 1023, 1024, 2047, 2048, 4095, 4096, 8191, 8192, 12345, chunk - 1};
        for (float b : bad) {
            for (int offset : new int[]{0, chunk}) {
                for (int at : inChunk) {
                    assertThat(finite.all(withAt(n, b, offset + at))).as("%s at %d", b, offset + at).isFalse();
                }
            }
            for (int at : new int[]{2 * chunk, 2 * chunk + 256, n - 1}) {
                assertThat(finite.all(withAt(n, b, at))).as("%s at %d", b, at).isFalse();
            }
        }
    }

    @Test
    void arraysOfEveryLengthAroundTheChunkAreScannedToTheirLastValue() {
        int chunk = 1 << 14;
        for (int n : new int[]{1, 2, 255, 256, 257, chunk - 1, chunk, chunk + 1, 2 * chunk}) {
            assertThat(finite.all(Nd4j.rand(DataType.FLOAT, n))).as("finite, length %d", n).isTrue();
            for (int at : new int[]{0, n - 1}) {
                for (float b : new float[]{Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                    assertThat(finite.all(withAt(n, b, at))).as("%s at %d of %d", b, at, n).isFalse();
                }
            }
        }
    }

    @Test
    void bothInfinitiesTogetherAreFoundAndHugeFiniteValuesWhoseSumOverflowsAreNot() {
        int n = (1 << 14) + 7;
        INDArray both = Nd4j.rand(DataType.FLOAT, n);
        both.putScalar(0, Float.POSITIVE_INFINITY);
        both.putScalar(n - 1, Float.NEGATIVE_INFINITY);
        assertThat(finite.all(both)).isFalse();

        INDArray huge = Nd4j.valueArrayOf(new long[]{n}, Float.MAX_VALUE, DataType.FLOAT);
        huge.putScalar(0, Float.MAX_VALUE);
        huge.putScalar(n - 1, -Float.MAX_VALUE);
        assertThat(huge.sumNumber().doubleValue()).as("the sum overflows a float").isGreaterThan(Float.MAX_VALUE);
        assertThat(finite.all(huge)).isTrue();
        huge.putScalar(n - 1, Float.NaN);
        assertThat(finite.all(huge)).isFalse();
    }

    /** {@code n} random finite floats with {@code bad} at {@code at}. */
    private static INDArray withAt(int n, float bad, int at) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n);
        a.putScalar(at, bad);
        return a;
    }

    @Test
    void viewsAndOtherTypesGoThroughNd4j() {
        INDArray m = Nd4j.rand(DataType.FLOAT, 50, 60);
        m.putScalar(7, 3, Float.NaN);
        assertThat(finite.all(m.getColumn(3))).isFalse();
        assertThat(finite.all(m.getColumn(4))).isTrue();
        assertThat(finite.all(Nd4j.createFromArray(1.0, Double.POSITIVE_INFINITY))).isFalse();
        assertThat(finite.all(null)).isTrue();
    }
}
