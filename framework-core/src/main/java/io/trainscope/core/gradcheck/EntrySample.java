package io.trainscope.core.gradcheck;

import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

/**
 * Which entries of a tensor a gradient check looks at: all of them when there are at most
 * {@code entries}; else the entry with the largest analytic gradient (where a wrong derivative
 * shows most) and a seeded uniform sample of the others, without repetition. Indices are linear,
 * in c order.
 */
final class EntrySample {

    private EntrySample() {
    }

    /** The indices to check among {@code analytic.length} entries. */
    static long[] pick(double[] analytic, int entries, Random random) {
        int size = analytic.length;
        if (size <= entries) {
            long[] all = new long[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        chosen.add(largest(analytic));
        while (chosen.size() < entries) {
            chosen.add(random.nextInt(size));
        }
        return chosen.stream().mapToLong(Integer::longValue).toArray();
    }

    private static int largest(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Double.isNaN(values[best])) {
                return best;   // NaN counts as largest: show it
            }
            if (Double.isNaN(values[i]) || Math.abs(values[i]) > Math.abs(values[best])) {
                best = i;
            }
        }
        return best;
    }
}
