package io.trainscope.core.checkpoint;

import org.bytedeco.javacpp.IntPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Whether an array holds only finite values. A dense float32 array (a network's flattened
 * parameters) is read from its native memory in chunks and scanned on the Java side: no native op
 * and no scalar brought back from native code, so the check costs a memory read. Other arrays go
 * through ND4J's {@code isNaN}/{@code isInfinite}.
 *
 * <p>Not thread-safe (one chunk buffer per instance): one per run, used on the training thread.
 */
public final class FiniteValues {

    /** Values read from native memory at a time; {@link #fold} is written for exactly this many. */
    private static final int CHUNK = 1 << 14;
    /** Values left after {@link #fold}'s halvings, ORed one by one. */
    private static final int FOLDED = 256;

    private static final int EXPONENT = 0x7f800000;
    private static final int ONE_ULP_OF_EXPONENT = 0x00800000;

    private final int[] chunk = new int[CHUNK];

    /** Whether every value of {@code a} is finite (true for null or empty arrays). */
    public boolean all(INDArray a) {
        if (a == null || a.isEmpty()) {
            return true;
        }
        if (a.dataType() == DataType.FLOAT && contiguous(a)) {
            return scan(new IntPointer(a.data().addressPointer()), a.length());
        }
        return !(a.isNaN().any() || a.isInfinite().any());
    }

    /**
     * Scans float32 values by their bits: a value is NaN or infinite exactly when its exponent bits
     * are all ones, and then adding one unit of the exponent ({@link #mark}) carries into the sign
     * bit; the OR of the marks of a chunk is negative exactly when one value is not finite. Whole
     * chunks are folded ({@link #fold}), the rest is ORed value by value.
     */
    private boolean scan(IntPointer bits, long n) {
        long whole = n - n % CHUNK;
        for (long start = 0; start < whole; start += CHUNK) {
            bits.position(start).get(chunk, 0, CHUNK);
            if (fold(chunk) < 0) {
                return false;
            }
        }
        int rest = (int) (n - whole);
        bits.position(whole).get(chunk, 0, rest);
        int any = 0;
        for (int i = 0; i < rest; i++) {
            any |= mark(chunk[i]);
        }
        return any >= 0;
    }

    /** Negative exactly when {@code bits} are those of a NaN or an infinity. */
    private static int mark(int bits) {
        return (bits & EXPONENT) + ONE_ULP_OF_EXPONENT;
    }

    /**
     * The OR of the marks of a chunk's {@value #CHUNK} values, computed in place: the upper half's
     * marks ORed into the lower half's, then halves ORed into halves down to {@value #FOLDED}
     * values, which are ORed one by one. A plain loop {@code any |= mark(c[i])} is a reduction,
     * which Java 17's C2 compiler vectorizes with a full horizontal reduction per vector (about 0.17
     * ns per value here); each fold below is an element-wise loop between two parts of one array
     * at a constant distance, which it vectorizes plainly (with the chunk's copy, about 0.12 ns
     * per value in all, against 0.23 for the reduction). The distances are literals on purpose: a
     * distance in a variable hides from the compiler that the two parts do not overlap.
     */
    private static int fold(int[] c) {
        for (int i = 0; i < 8192; i++) {
            c[i] = mark(c[i]) | mark(c[i + 8192]);
        }
        for (int i = 0; i < 4096; i++) {
            c[i] |= c[i + 4096];
        }
        for (int i = 0; i < 2048; i++) {
            c[i] |= c[i + 2048];
        }
        for (int i = 0; i < 1024; i++) {
            c[i] |= c[i + 1024];
        }
        for (int i = 0; i < 512; i++) {
            c[i] |= c[i + 512];
        }
        for (int i = 0; i < FOLDED; i++) {
            c[i] |= c[i + FOLDED];
        }
        int any = 0;
        for (int i = 0; i < FOLDED; i++) {
            any |= c[i];
        }
        return any;
    }

    /** A row or column vector with unit stride, or an array that is not a view: its values lie back to back. */
    private static boolean contiguous(INDArray a) {
        return (a.isVector() || a.isScalar()) ? a.elementWiseStride() == 1 : !a.isView() && a.elementWiseStride() == 1;
    }
}
