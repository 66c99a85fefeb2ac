package io.trainscope.core.checkpoint;

import org.bytedeco.javacpp.FloatPointer;
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

    private final float[] chunk = new float[CHUNK];

    /** Whether every value of {@code a} is finite (true for null or empty arrays). */
    public boolean all(INDArray a) {
        if (a == null || a.isEmpty()) {
            return true;
        }
        if (a.dataType() == DataType.FLOAT && contiguous(a)) {
            return scan(new FloatPointer(a.data().addressPointer()), a.length());
        }
        return !(a.isNaN().any() || a.isInfinite().any());
    }

    private boolean scan(FloatPointer values, long n) {
        float zero = 0f;
        for (long start = 0; start < n; start += CHUNK) {
            int len = (int) Math.min(CHUNK, n - start);
            values.position(start).get(chunk, 0, len);
            for (int i = 0; i < len; i++) {
                zero += chunk[i] * 0f; // NaN exactly when a value is NaN or infinite
            }
            if (zero != 0f) {
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
