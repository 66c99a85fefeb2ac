package io.trainscope.core.monitor;

import io.trainscope.api.monitor.HostArray;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;

/**
 * Reads a float array's values straight from its native memory: a copy that sums squares chunk
 * by chunk as it goes (the array is read once, each chunk summed while in the core's cache), and
 * a strided sample read value by value without copying the rest. Only for arrays whose memory
 * holds exactly their values in the order {@link Nd4jStatistics#host} copies them ({@link #readable}).
 */
final class NativeValues {

    /** Values per chunk: one block of {@link HostArray#sumOfSquares}, so the sum adds up block by block as on a copy. */
    static final int CHUNK = 4096;

    private NativeValues() {
    }

    /**
     * Whether {@code a}'s buffer holds its values, float32, back to back from its offset, in the
     * order a host copy lists them (its own order for rank 2 or less, C order above).
     */
    static boolean readable(INDArray a) {
        return a.dataType() == DataType.FLOAT && a.length() > 0 && dense(a) && (a.rank() <= 2 || a.ordering() == 'c');
    }

    /**
     * Copies a {@link #readable} array's values into {@code into} chunk by chunk and sums their
     * squares while each chunk is still in the core's cache: the array is read once, and the sum
     * is exactly {@link HostArray#sumOfSquares()} of the copy (the same blocks, added up in the same order).
     *
     * @param into a host array of the array's size
     * @return the sum of squares
     */
    static double copySummingSquares(INDArray a, HostArray into) {
        FloatPointer p = new FloatPointer(a.data().addressPointer());
        long origin = p.position();
        int n = into.size();
        double total = 0;
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            p.position(origin + start).get(into.values(), start, len);
            total += into.sumOfSquares(start, start + len);
        }
        return total;
    }

    /**
     * Every {@code stride}-th value of a {@link #readable} array from the first, into {@code out}
     * ({@code (length - 1) / stride + 1} values), each read from native memory where it lies.
     */
    static void sample(INDArray a, int stride, float[] out) {
        FloatPointer p = new FloatPointer(a.data().addressPointer());
        FloatBuffer values = p.limit(p.position() + a.length()).asBuffer();
        int count = (int) ((a.length() - 1) / stride + 1);
        for (int j = 0, i = 0; j < count; j++, i += stride) {
            out[j] = values.get(i);
        }
    }

    /** Whether the array's elements fill its buffer from its offset on, in its own order, without gaps. */
    static boolean dense(INDArray a) {
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        if (a.ordering() == 'c') {
            for (int d = shape.length - 1; d >= 0; d--) {
                if (shape[d] != 1 && stride[d] != expected) {
                    return false;
                }
                expected *= shape[d];
            }
        } else {
            for (int d = 0; d < shape.length; d++) {
                if (shape[d] != 1 && stride[d] != expected) {
                    return false;
                }
                expected *= shape[d];
            }
        }
        return true;
    }
}
