package io.trainscope.core.model;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Copies each hidden layer's pre-activations (the input of its activation function) during a
 * training forward pass, when armed. DL4J overwrites pre-activations in place and does not keep
 * them, so on the iterations a monitor asks for them this tap copies them into per-layer buffers
 * that live outside any workspace and are reused from iteration to iteration; unarmed, it costs
 * one field read per layer.
 */
public final class ActivationTap {

    private final INDArray[] buffers;
    private final boolean[] captured;
    private boolean armed;

    ActivationTap(int hiddenLayers) {
        this.buffers = new INDArray[hiddenLayers];
        this.captured = new boolean[hiddenLayers];
    }

    /** Arms the tap for the next forward pass; layers capture their first activation call. */
    public void arm() {
        Arrays.fill(captured, false);
        armed = true;
    }

    /** Disarms the tap; buffers keep their last contents. */
    public void disarm() {
        armed = false;
    }

    /** The copied pre-activations of a hidden layer, or null if none were captured since {@link #arm()}. */
    public INDArray preActivations(int layer) {
        return captured[layer] ? buffers[layer] : null;
    }

    void offer(int layer, INDArray z) {
        if (!armed || captured[layer]) {
            return;
        }
        INDArray buffer = buffers[layer];
        if (buffer == null || !Arrays.equals(buffer.shape(), z.shape()) || buffer.dataType() != z.dataType()) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                if (buffer != null) {
                    buffer.close();
                }
                buffer = Nd4j.createUninitialized(z.dataType(), z.shape(), 'c');
                buffers[layer] = buffer;
            }
        }
        buffer.assign(z);
        captured[layer] = true;
    }

    /** Frees the buffers. */
    public void close() {
        for (int i = 0; i < buffers.length; i++) {
            if (buffers[i] != null) {
                buffers[i].close();
                buffers[i] = null;
            }
        }
    }
}
