package io.trainscope.plugins.monitor;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;

/**
 * The largest absolute activation of every unit of every layer over a run of batches: per column
 * of {@code [batch, units]} activations, per channel of a convolution's
 * {@code [batch, channels, rows, columns]} (every example and every position). A unit whose maximum
 * stays exactly 0 never fired: dead. Two native ops per layer and batch, into arrays kept outside
 * any workspace.
 */
final class UnitMaxima implements AutoCloseable {

    private final INDArray[] maxAbs;
    private long examples;
    private int batches;

    UnitMaxima(int layers) {
        maxAbs = new INDArray[layers];
    }

    /** Starts a new run of batches. */
    void reset() {
        close();
        examples = 0;
        batches = 0;
    }

    /** Adds one batch's activations of {@code layer}. */
    void add(int layer, INDArray activations) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray max = activations.rank() == 4 ? activations.amax(0, 2, 3) : activations.amax(0);
            if (maxAbs[layer] == null) {
                maxAbs[layer] = max;
            } else {
                Transforms.max(maxAbs[layer], max, false);
                max.close();
            }
        }
    }

    /** Counts one batch of {@code size} examples (once per batch, after its layers were added). */
    void batchDone(long size) {
        examples += size;
        batches++;
    }

    long examples() {
        return examples;
    }

    int batches() {
        return batches;
    }

    /** Indices of the units of {@code layer} whose maximum |activation| is exactly 0. */
    List<Integer> dead(int layer) {
        List<Integer> dead = new ArrayList<>();
        if (maxAbs[layer] == null) {
            return dead;
        }
        float[] v = maxAbs[layer].toFloatVector();
        for (int i = 0; i < v.length; i++) {
            if (v[i] == 0f) {
                dead.add(i);
            }
        }
        return dead;
    }

    @Override
    public void close() {
        for (int l = 0; l < maxAbs.length; l++) {
            if (maxAbs[l] != null) {
                maxAbs[l].close();
                maxAbs[l] = null;
            }
        }
    }
}
