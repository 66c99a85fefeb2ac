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

    private static final int CHUNK = 1 << 14;

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
     * are all ones, and then adding one unit of the exponent carries into the sign bit. The OR of
     * those sums over a chunk has its sign bit set exactly when one value is not finite: integer
     * operations without a chain of dependent float additions, which the JIT vectorizes (about 8
     * times faster than the float loop this replaced, which cost 4% of a training step of the
     * benchmark's MLP).
     */
    private boolean scan(IntPointer bits, long n) {
        for (long start = 0; start < n; start += CHUNK) {
            int len = (int) Math.min(CHUNK, n - start);
            bits.position(start).get(chunk, 0, len);
            int any = 0;
            for (int i = 0; i < len; i++) {
                any |= (chunk[i] & EXPONENT) + ONE_ULP_OF_EXPONENT;
            }
            if (any < 0) {
                return false;
            }
        }
        return true;
    }

    /** A row or column vector with unit stride, or an array that is not a view: its values lie back to back. */
    private static boolean contiguous(INDArray a) {
        return (a.isVector() || a.isScalar()) ? a.elementWiseStride() == 1 : !a.isView() && a.elementWiseStride() == 1;
    }
}
