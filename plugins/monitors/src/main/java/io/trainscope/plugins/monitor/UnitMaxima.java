package io.trainscope.plugins.monitor;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.AMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The largest absolute activation of every unit of every layer over a run of batches: per column
 * of {@code [batch, units]} activations, per channel of a convolution's
 * {@code [batch, channels, rows, columns]} (every example and every position). A unit whose maximum
 * stays exactly 0 never fired: dead. Two native ops per layer and batch, into arrays kept outside
 * any workspace and reused from batch to batch (the batch's maximum included): no array is
 * allocated per batch.
 */
final class UnitMaxima implements AutoCloseable {

    private final INDArray[] maxAbs;
    private final INDArray[] batchMax;
    private final boolean[] filled;
    private long examples;
    private int batches;

    UnitMaxima(int layers) {
        maxAbs = new INDArray[layers];
        batchMax = new INDArray[layers];
        filled = new boolean[layers];
    }

    /** Starts a new run of batches. */
    void reset() {
        Arrays.fill(filled, false);
        examples = 0;
        batches = 0;
    }

    /** Adds one batch's activations of {@code layer}. */
    void add(int layer, INDArray activations) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            int[] over = activations.rank() == 4 ? new int[]{0, 2, 3} : new int[]{0};
            long units = activations.size(1);
            if (batchMax[layer] == null || batchMax[layer].length() != units
                    || batchMax[layer].dataType() != activations.dataType()) {
                close(layer);
                batchMax[layer] = Nd4j.create(activations.dataType(), units);
                maxAbs[layer] = Nd4j.create(activations.dataType(), units);
                filled[layer] = false;
            }
            Nd4j.exec(new AMax(activations, filled[layer] ? batchMax[layer] : maxAbs[layer], over));
            if (filled[layer]) {
                Transforms.max(maxAbs[layer], batchMax[layer], false);
            }
            filled[layer] = true;
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
        if (!filled[layer]) {
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

    private void close(int layer) {
        if (batchMax[layer] != null) {
            batchMax[layer].close();
            maxAbs[layer].close();
            batchMax[layer] = null;
            maxAbs[layer] = null;
        }
        filled[layer] = false;
    }

    @Override
    public void close() {
        for (int l = 0; l < batchMax.length; l++) {
            close(l);
        }
    }
}
