package io.trainscope.plugins.data.internal;

import io.trainscope.api.data.DataException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Turns host arrays into float32 matrices that live outside any ND4J workspace. */
public final class Matrices {

    /** The longest Java array the JVM reliably allocates. */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private Matrices() {
    }

    /**
     * A {@code [rows, columns]} float32 matrix in row-major order holding {@code data}, created
     * detached from any workspace so it outlives the caller's scope.
     */
    @SuppressWarnings("try")
    public static INDArray matrix(float[] data, long rows, long columns) {
        if (rows * columns != data.length) {
            throw new IllegalArgumentException(rows + "x" + columns + " does not match " + data.length + " values");
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.create(data, new long[]{rows, columns}, DataType.FLOAT);
        }
    }

    /**
     * Allocates a float array for {@code rows x columns} values, or throws a {@link DataException}
     * saying why it cannot (too many values for one array, or not enough free heap), instead of
     * letting the JVM throw {@code OutOfMemoryError}.
     *
     * @param what what the values are, for the message ("10000 images of 28x28 in /data/x")
     */
    public static float[] allocate(long rows, long columns, String what) {
        long values = Math.multiplyExact(rows, columns);
        if (values > MAX_ARRAY_LENGTH) {
            throw new DataException(what + ": " + values + " values are more than one array can hold ("
                    + MAX_ARRAY_LENGTH + "); use fewer examples");
        }
        long bytes = values * Float.BYTES;
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > free) {
            throw new DataException(what + ": needs " + mib(bytes) + " MiB of Java heap as float32 but only "
                    + mib(free) + " MiB are free; raise -Xmx or load fewer examples");
        }
        return new float[(int) values];
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
