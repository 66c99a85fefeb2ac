package io.trainscope.core.model;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * Copies each hidden layer's pre-activations (the input of its activation function) during a
 * training forward pass, and the gradient with respect to them ({@code dL/dz}, what the
 * activation's backward pass returns) during the backward pass, each when armed. DL4J overwrites
 * pre-activations in place and keeps neither, so on the iterations a monitor asks for them this tap
 * copies them into per-layer buffers that live outside any workspace and are reused from iteration
 * to iteration; unarmed, it costs one field read per layer and pass.
 */
public final class ActivationTap {

    private final Capture forward;
    private final Capture backward;

    ActivationTap(int hiddenLayers) {
        this.forward = new Capture(hiddenLayers);
        this.backward = new Capture(hiddenLayers);
    }

    /** Arms the tap for the next forward pass; layers capture their first activation call. */
    public void arm() {
        forward.arm();
    }

    /** Disarms both captures; buffers keep their last contents. */
    public void disarm() {
        forward.armed = false;
        backward.armed = false;
    }

    /** Arms the tap for the next backward pass; layers capture their first activation backprop. */
    public void armGradients() {
        backward.arm();
    }

    /** The copied pre-activations of a hidden layer, or null if none were captured since {@link #arm()}. */
    public INDArray preActivations(int layer) {
        return forward.get(layer);
    }

    /**
     * The copied gradient of the (summed) batch loss with respect to a hidden layer's pre-activations,
     * as DL4J's backward pass computed it, or null if none was captured since {@link #armGradients()}.
     */
    public INDArray preActivationGradient(int layer) {
        return backward.get(layer);
    }

    void offer(int layer, INDArray z) {
        forward.offer(layer, z);
    }

    void offerGradient(int layer, INDArray dz) {
        backward.offer(layer, dz);
    }

    /** Frees the buffers. */
    public void close() {
        forward.close();
        backward.close();
    }

    /** One kind of capture: a reused buffer per layer, filled by the first offer after arming. */
    private static final class Capture {
        private final INDArray[] buffers;
        private final boolean[] captured;
        private boolean armed;

        Capture(int layers) {
            this.buffers = new INDArray[layers];
            this.captured = new boolean[layers];
        }

        void arm() {
            Arrays.fill(captured, false);
            armed = true;
        }

        INDArray get(int layer) {
            return captured[layer] ? buffers[layer] : null;
        }

        void offer(int layer, INDArray a) {
            if (!armed || captured[layer]) {
                return;
            }
            INDArray buffer = buffers[layer];
            if (buffer == null || !Arrays.equals(buffer.shape(), a.shape()) || buffer.dataType() != a.dataType()) {
                try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                    if (buffer != null) {
                        buffer.close();
                    }
                    buffer = Nd4j.createUninitialized(a.dataType(), a.shape(), 'c');
                    buffers[layer] = buffer;
                }
            }
            buffer.assign(a);
            captured[layer] = true;
        }

        void close() {
            for (int i = 0; i < buffers.length; i++) {
                if (buffers[i] != null) {
                    buffers[i].close();
                    buffers[i] = null;
                }
            }
        }
    }
}
