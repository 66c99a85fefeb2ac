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
    void viewsAndOtherTypesGoThroughNd4j() {
        INDArray m = Nd4j.rand(DataType.FLOAT, 50, 60);
        m.putScalar(7, 3, Float.NaN);
        assertThat(finite.all(m.getColumn(3))).isFalse();
        assertThat(finite.all(m.getColumn(4))).isTrue();
        assertThat(finite.all(Nd4j.createFromArray(1.0, Double.POSITIVE_INFINITY))).isFalse();
        assertThat(finite.all(null)).isTrue();
    }
}
