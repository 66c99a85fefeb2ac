package io.trainscope.core.monitor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Per-layer arrays that live outside any workspace and are reused across iterations, so sampled
 * instrumentation allocates nothing in the steady state (arrays created every iteration outside a
 * workspace would pile up off-heap). Reallocated only when a shape changes (a smaller last batch).
 */
public final class ReusableBuffers implements AutoCloseable {

    private final INDArray[] buffers;

    public ReusableBuffers(int size) {
        buffers = new INDArray[size];
    }

    /** The buffer of slot {@code i}, shaped {@code shape}. */
    public INDArray get(int i, long[] shape, DataType type) {
        INDArray b = buffers[i];
        if (b == null || !Arrays.equals(b.shape(), shape) || b.dataType() != type) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                if (b != null) {
                    b.close();
                }
                b = Nd4j.createUninitialized(type, shape, 'c');
                buffers[i] = b;
            }
        }
        return b;
    }

    @Override
    public void close() {
        for (int i = 0; i < buffers.length; i++) {
            if (buffers[i] != null) {
                buffers[i].close();
                buffers[i] = null;
            }
        }
    }
}
