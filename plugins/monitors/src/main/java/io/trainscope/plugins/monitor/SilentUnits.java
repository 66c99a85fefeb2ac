package io.trainscope.plugins.monitor;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.AMax;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The units of every layer whose activation has been exactly 0 (either sign) for every example of
 * a run of batches: per column of {@code [batch, units]} activations, per channel of a
 * convolution's {@code [batch, channels, rows, columns]} (every example and every position). A
 * unit that stays silent for the whole run never fired: dead. A NaN is not 0: its unit fired.
 *
 * <p>Cost: only the units still silent are looked at, and a unit leaves that set at its first
 * non-zero value. Float32 activations in C order are read where they are (no native op, no copy,
 * nothing allocated): the first batch reads about two values per live unit, every later batch only
 * the still-silent units' values; a layer with no silent unit left costs nothing. Other arrays
 * (float64, another order) take one native max-|a| reduction into a reused buffer per layer and
 * batch (the way every batch was reduced before).
 */
final class SilentUnits implements AutoCloseable {

    private final int[][] silent;
    private final int[] count;
    private final INDArray[] reduced;
    private long examples;
    private int batches;

    SilentUnits(int layers) {
        silent = new int[layers][];
        count = new int[layers];
        reduced = new INDArray[layers];
        reset();
    }

    /** Starts a new run of batches: every unit silent, no layer seen. */
    void reset() {
        Arrays.fill(count, -1);
        examples = 0;
        batches = 0;
    }

    /** Adds one batch's activations of {@code layer}: its units that fire leave the silent set. */
    void add(int layer, INDArray activations) {
        int units = (int) activations.size(1);
        if (count[layer] < 0 || silent[layer].length != units) {
            if (silent[layer] == null || silent[layer].length != units) {
                silent[layer] = new int[units];
            }
            for (int u = 0; u < units; u++) {
                silent[layer][u] = u;
            }
            count[layer] = units;
        }
        if (count[layer] == 0 || activations.length() == 0) {
            return;
        }
        FloatBuffer values = direct(activations);
        if (values != null) {
            int rows = (int) activations.size(0);
            count[layer] = scan(values, rows, units, (int) (activations.length() / ((long) rows * units)),
                    silent[layer], count[layer]);
        } else {
            reduce(layer, activations, units);
        }
    }

    /**
     * Drops the units that fire in {@code rows} rows of {@code units} blocks of {@code block}
     * consecutive values from {@code silent[0..count)}; returns the new count.
     */
    static int scan(FloatBuffer v, int rows, int units, int block, int[] silent, int count) {
        int c = count;
        for (int r = 0; r < rows && c > 0; r++) {
            int base = r * units * block;
            for (int k = 0; k < c; ) {
                if (fires(v, base + silent[k] * block, block)) {
                    silent[k] = silent[--c];
                } else {
                    k++;
                }
            }
        }
        return c;
    }

    private static boolean fires(FloatBuffer v, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (v.get(i) != 0f) {
                return true;
            }
        }
        return false;
    }

    /** The values of a dense C-order float32 array where they are; null for any other array. */
    static FloatBuffer direct(INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.ordering() != 'c' || a.length() > Integer.MAX_VALUE) {
            return null;
        }
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return null;
            }
            expected *= shape[d];
        }
        int n = (int) a.length();
        FloatPointer start = new FloatPointer((FloatPointer) a.data().addressPointer());
        return start.capacity(n).limit(n).asBuffer();
    }

    /** Any other array: the maximum |a| per unit by one native op into a reused buffer, read to the host. */
    private void reduce(int layer, INDArray activations, int units) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            if (reduced[layer] == null || reduced[layer].length() != units
                    || reduced[layer].dataType() != activations.dataType()) {
                close(layer);
                reduced[layer] = Nd4j.create(activations.dataType(), units);
            }
            int[] over = activations.rank() == 4 ? new int[]{0, 2, 3} : new int[]{0};
            Nd4j.exec(new AMax(activations, reduced[layer], over));
            double[] max = reduced[layer].toDoubleVector();
            int[] s = silent[layer];
            int c = count[layer];
            for (int k = 0; k < c; ) {
                if (max[s[k]] != 0) {
                    s[k] = s[--c];
                } else {
                    k++;
                }
            }
            count[layer] = c;
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

    /** Indices of the units of {@code layer} that stayed silent, ascending; empty when the layer was not added. */
    List<Integer> dead(int layer) {
        List<Integer> dead = new ArrayList<>();
        if (count[layer] <= 0) {
            return dead;
        }
        int[] s = Arrays.copyOf(silent[layer], count[layer]);
        Arrays.sort(s);
        for (int u : s) {
            dead.add(u);
        }
        return dead;
    }

    private void close(int layer) {
        if (reduced[layer] != null) {
            reduced[layer].close();
            reduced[layer] = null;
        }
    }

    @Override
    public void close() {
        for (int l = 0; l < reduced.length; l++) {
            close(l);
        }
    }
}
