package io.trainscope.core.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Random;

/**
 * Checks at which column granule split products give exactly the whole products' floats on this
 * machine's BLAS: the three products of a dense layer, over the benchmark MLP's shapes and random
 * ones (batch 1-500, widths 1-784), halves run one after the other on the calling thread.
 */
final class GranuleCheck {

    private static final int[][] FIXED = {{256, 784, 512}, {256, 512, 256}, {256, 256, 256}, {256, 256, 128},
        {500, 784, 512}, {37, 20, 9}, {499, 333, 777}};
    private static final TwoCoreProducts.Pair SERIAL = (a, b) -> {
        a.run();
        b.run();
    };

    private GranuleCheck() {
    }

    /** The first of {@code candidates} that passes every shape, or 0. */
    static int smallest(int[] candidates, int randomShapes) {
        for (int g : candidates) {
            if (passes(g, randomShapes)) {
                return g;
            }
        }
        return 0;
    }

    /** Whether splitting at multiples of {@code g} columns keeps every bit, for every shape checked. */
    static boolean passes(int g, int randomShapes) {
        Random r = new Random(17);
        Nd4j.getRandom().setSeed(17);
        for (int s = 0; s < FIXED.length + randomShapes; s++) {
            int batch = s < FIXED.length ? FIXED[s][0] : 1 + r.nextInt(500);
            int in = s < FIXED.length ? FIXED[s][1] : 1 + r.nextInt(784);
            int out = s < FIXED.length ? FIXED[s][2] : 1 + r.nextInt(784);
            if (!same(batch, in, out, g)) {
                return false;
            }
        }
        return true;
    }

    /** The three products of a {@code batch x in x out} dense layer, split at granule {@code g} and whole. */
    static boolean same(int batch, int in, int out, int g) {
        INDArray x = Nd4j.randn(DataType.FLOAT, batch, in);
        INDArray w = Nd4j.randn(DataType.FLOAT, in, out).dup('f');
        INDArray delta = Nd4j.randn(DataType.FLOAT, batch, out);
        if (out >= 2 * g) {
            INDArray whole = Nd4j.create(DataType.FLOAT, new long[]{batch, out}, 'c');
            x.mmuli(w, whole);
            INDArray split = Nd4j.create(DataType.FLOAT, new long[]{batch, out}, 'c');
            TwoCoreProducts.forward(x, w, split, g, SERIAL);
            INDArray wg = Nd4j.create(DataType.FLOAT, new long[]{in, out}, 'f');
            Nd4j.gemm(x, delta, wg, true, false, 1.0, 0.0);
            INDArray wgSplit = Nd4j.create(DataType.FLOAT, new long[]{in, out}, 'f');
            TwoCoreProducts.weightGradient(x, delta, wgSplit, g, SERIAL);
            if (!equal(whole, split) || !equal(wg, wgSplit)) {
                return false;
            }
        }
        if (batch >= 2 * g) {
            INDArray eps = Nd4j.create(DataType.FLOAT, new long[]{in, batch}, 'f');
            w.mmuli(delta.transpose(), eps);
            INDArray epsSplit = Nd4j.create(DataType.FLOAT, new long[]{in, batch}, 'f');
            TwoCoreProducts.inputGradient(w, delta, epsSplit, g, SERIAL);
            return equal(eps, epsSplit);
        }
        return true;
    }

    private static boolean equal(INDArray a, INDArray b) {
        return Arrays.equals(a.data().asFloat(), b.data().asFloat());   // compares the bits (floatToIntBits)
    }
}
