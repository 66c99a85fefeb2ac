package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.HostArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the units of a layer whose incoming weights and bias are exactly equal to another unit's:
 * such twins compute the same function, receive the same gradient and stay twins (seed 004's
 * zero initialization). Exact comparison, on the host, in three steps that each look at fewer
 * units: a hash of each unit's bias and first {@value #PREFIX} incoming weights, sorted; for the
 * units whose prefix hashes agree, a hash of the whole column; for the units whose whole hashes
 * agree too, an element-wise comparison. A randomly initialized layer stops after the first step,
 * so a check reads about {@code units × 32} weights, not the whole matrix. {@code 0.0} and
 * {@code -0.0} count as equal.
 *
 * @param symmetricUnits units that have at least one twin
 * @param groups         the twin groups (each of two or more units, ascending), largest first
 */
record SymmetricUnits(int symmetricUnits, List<int[]> groups) {

    /** Incoming weights hashed in the first step. */
    static final int PREFIX = 32;

    /** No twins at all. */
    static final SymmetricUnits NONE = new SymmetricUnits(0, List.of());

    /**
     * The twins among the columns of {@code weights} ({@code [fanIn, units]}), counting a unit's bias
     * as one more incoming weight.
     *
     * @param bias one value per unit ({@code [1, units]}), or null to compare weights only
     */
    static SymmetricUnits of(HostArray weights, HostArray bias) {
        int units = weights.columns();
        if (units < 2) {
            return NONE;
        }
        int[] all = new int[units];
        for (int c = 0; c < units; c++) {
            all[c] = c;
        }
        List<int[]> groups = new ArrayList<>();
        int prefix = Math.min(PREFIX, weights.rows());
        for (int[] candidates : collisions(weights, bias, all, prefix)) {
            for (int[] twins : collisions(weights, bias, candidates, weights.rows())) {
                split(weights, bias, twins, groups);
            }
        }
        int symmetric = groups.stream().mapToInt(g -> g.length).sum();
        groups.sort((a, b) -> b.length != a.length ? b.length - a.length : a[0] - b[0]);
        return new SymmetricUnits(symmetric, List.copyOf(groups));
    }

    /** The number of units in the largest group, or 0 when there is none. */
    int largestGroup() {
        return groups.isEmpty() ? 0 : groups.get(0).length;
    }

    /** The number of distinct functions the units compute: units minus the twins beyond the first of each group. */
    int distinctUnits(int units) {
        return units - symmetricUnits + groups.size();
    }

    /** The sets of two or more {@code units} whose bias and first {@code rows} weights hash alike. */
    private static List<int[]> collisions(HostArray w, HostArray bias, int[] units, int rows) {
        long[] keyed = new long[units.length];
        for (int k = 0; k < units.length; k++) {
            int c = units[k];
            int h = bias == null ? 1 : bits(bias.values()[c]);
            for (int r = 0; r < rows; r++) {
                h = 31 * h + bits(w.get(r, c));
            }
            keyed[k] = ((long) h << 32) | c; // sort by hash, then by unit: the unit rides in the low 32 bits
        }
        Arrays.sort(keyed);
        List<int[]> runs = new ArrayList<>();
        for (int start = 0; start < keyed.length; ) {
            int end = start + 1;
            while (end < keyed.length && (int) (keyed[end] >> 32) == (int) (keyed[start] >> 32)) {
                end++;
            }
            if (end - start > 1) {
                int[] run = new int[end - start];
                for (int k = start; k < end; k++) {
                    run[k - start] = (int) keyed[k];
                }
                runs.add(run);
            }
            start = end;
        }
        return runs;
    }

    /** Splits units with one whole-column hash into groups of truly equal columns. */
    private static void split(HostArray w, HostArray bias, int[] units, List<int[]> groups) {
        boolean[] assigned = new boolean[units.length];
        for (int i = 0; i < units.length; i++) {
            if (assigned[i]) {
                continue;
            }
            List<Integer> group = new ArrayList<>();
            group.add(units[i]);
            for (int j = i + 1; j < units.length; j++) {
                if (!assigned[j] && equalColumns(w, bias, units[i], units[j])) {
                    assigned[j] = true;
                    group.add(units[j]);
                }
            }
            if (group.size() > 1) {
                groups.add(group.stream().mapToInt(Integer::intValue).sorted().toArray());
            }
        }
    }

    private static boolean equalColumns(HostArray w, HostArray bias, int a, int b) {
        if (bias != null && bits(bias.values()[a]) != bits(bias.values()[b])) {
            return false;
        }
        for (int r = 0; r < w.rows(); r++) {
            if (bits(w.get(r, a)) != bits(w.get(r, b))) {
                return false;
            }
        }
        return true;
    }

    /** The bits of a float with -0.0 folded into 0.0. */
    private static int bits(float v) {
        return v == 0f ? 0 : Float.floatToIntBits(v);
    }
}
