package io.trainscope.core.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Products split over two threads give the bits of the whole products at the granule the check
 * verifies, for the three products of a dense layer, over many shapes and many concurrent calls.
 */
class TwoCoreProductsTest {

    @AfterEach
    void restore() {
        TwoCoreProducts.disable();
        TwoCoreProducts.setMinMacs(TwoCoreProducts.DEFAULT_MIN_MACS);
    }

    private static int granule() {
        int g = TwoCoreProducts.verifiedGranule(40);
        Assumptions.assumeTrue(g > 0, "no column granule keeps this BLAS's bits: two-core products stay off here");
        return g;
    }

    @Test
    void splittingAtAColumnThatIsNoMultipleOfTheKernelsBlockIsDetected() {
        int g = granule();
        // the split must fall at a multiple of the granule; the check rejects a granule that is not one
        // whenever this BLAS's result depends on it (OpenBLAS 0.3.19 Haswell/Zen: blocks of 12 columns)
        if (g > 1) {
            assertThat(GranuleCheck.passes(g, 40)).isTrue();
            assertThat(TwoCoreProducts.splitAt(100, g) % g).isZero();
        }
    }

    @Test
    void splitProductsOnTwoThreadsAreBitIdenticalToWholeOnesOverManyShapes() {
        int g = granule();
        Random r = new Random(5);
        for (int s = 0; s < 60; s++) {
            int batch = 2 * g + r.nextInt(500 - 2 * g);
            int in = 1 + r.nextInt(784);
            int out = 2 * g + r.nextInt(784 - 2 * g);
            INDArray x = Nd4j.randn(DataType.FLOAT, batch, in);
            INDArray w = Nd4j.randn(DataType.FLOAT, in, out).dup('f');
            INDArray delta = Nd4j.randn(DataType.FLOAT, batch, out);
            String shape = batch + "x" + in + "x" + out;

            INDArray z1 = Nd4j.create(DataType.FLOAT, new long[]{batch, out}, 'c');
            x.mmuli(w, z1);
            INDArray z2 = Nd4j.create(DataType.FLOAT, new long[]{batch, out}, 'c');
            TwoCoreProducts.forward(x, w, z2, g);
            assertBits(z2, z1, "forward " + shape);

            INDArray e1 = Nd4j.create(DataType.FLOAT, new long[]{in, batch}, 'f');
            w.mmuli(delta.transpose(), e1);
            INDArray e2 = Nd4j.create(DataType.FLOAT, new long[]{in, batch}, 'f');
            TwoCoreProducts.inputGradient(w, delta, e2, g);
            assertBits(e2, e1, "input gradient " + shape);

            INDArray g1 = Nd4j.create(DataType.FLOAT, new long[]{in, out}, 'f');
            Nd4j.gemm(x, delta, g1, true, false, 1.0, 0.0);
            INDArray g2 = Nd4j.create(DataType.FLOAT, new long[]{in, out}, 'f');
            TwoCoreProducts.weightGradient(x, delta, g2, g);
            assertBits(g2, g1, "weight gradient " + shape);
        }
    }

    @Test
    void concurrentHalvesStayRightOverManyCalls() {
        int g = granule();
        INDArray x = Nd4j.randn(DataType.FLOAT, 256, 784);
        INDArray w = Nd4j.randn(DataType.FLOAT, 784, 512).dup('f');
        INDArray whole = Nd4j.create(DataType.FLOAT, new long[]{256, 512}, 'c');
        x.mmuli(w, whole);
        INDArray split = Nd4j.create(DataType.FLOAT, new long[]{256, 512}, 'c');
        for (int i = 0; i < 300; i++) {
            split.assign(0);
            TwoCoreProducts.forward(x, w, split, g);
            assertBits(split, whole, "call " + i);
        }
    }

    @Test
    void aFailureOnTheWorkerReachesTheCaller() {
        assertThatThrownBy(() -> ProductWorker.get().both(() -> { }, () -> {
            throw new IllegalStateException("worker half failed");
        })).hasMessage("worker half failed");
        int[] ran = new int[2];
        ProductWorker.get().both(() -> ran[0]++, () -> ran[1]++);
        assertThat(ran).containsExactly(1, 1);
    }

    @Test
    void theSwitchTakesOnlyAPositiveGranule() {
        assertThatThrownBy(() -> TwoCoreProducts.enable(0)).isInstanceOf(IllegalArgumentException.class);
        TwoCoreProducts.enable(12);
        assertThat(TwoCoreProducts.isEnabled()).isTrue();
        assertThat(TwoCoreProducts.splitGranule(256, 23, 784)).isZero();
        assertThat(TwoCoreProducts.splitGranule(256, 512, 784)).isEqualTo(12);
        TwoCoreProducts.disable();
        assertThat(TwoCoreProducts.splitGranule(256, 512, 784)).isZero();
    }

    /** Compares the floats' bits and names the first difference (AssertJ's diff of big arrays is quadratic). */
    static void assertBits(INDArray actual, INDArray expected, Object what) {
        float[] a = actual.data().asFloat();
        float[] e = expected.data().asFloat();
        assertThat(a.length).as(String.valueOf(what)).isEqualTo(e.length);
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(e[i])) {
                throw new AssertionError(what + ": value " + i + " of " + a.length + " is " + a[i] + ", expected " + e[i]);
            }
        }
    }
}
