package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

import java.util.Arrays;

/**
 * Counts of values in consecutive bins: bin {@code i} holds values in {@code [edges[i], edges[i+1])},
 * the last bin also its upper edge.
 *
 * @param edges  {@code bins + 1} increasing bin edges
 * @param counts {@code bins} counts
 */
@StableApi(since = "0.1")
public record Histogram(double[] edges, long[] counts) {

    public Histogram {
        if (edges.length != counts.length + 1 || counts.length == 0) {
            throw new IllegalArgumentException("a histogram needs bins + 1 edges, got " + edges.length
                    + " edges and " + counts.length + " counts");
        }
        edges = edges.clone();
        counts = counts.clone();
    }

    /**
     * A histogram of a few values computed in Java, over {@code [low, high]} in {@code bins} equal
     * bins (values outside, and NaN, are dropped): for per-unit or per-channel statistics a monitor
     * computed itself, such as each channel's saturated share, recorded as one distribution per layer.
     */
    public static Histogram of(double[] values, double low, double high, int bins) {
        if (bins <= 0 || !(high > low)) {
            throw new IllegalArgumentException("a histogram needs bins > 0 and high > low, got " + bins + " bins over ["
                    + low + ", " + high + "]");
        }
        long[] counts = new long[bins];
        for (double v : values) {
            if (v >= low && v <= high) {
                counts[Math.min(bins - 1, (int) ((v - low) / (high - low) * bins))]++;
            }
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = low + i * (high - low) / bins;
        }
        edges[bins] = high;
        return new Histogram(edges, counts);
    }

    /** The number of values counted. */
    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Arrays.equals(h.edges, edges) && Arrays.equals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(edges) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[edges=" + Arrays.toString(edges) + ", counts=" + Arrays.toString(counts) + "]";
    }
}
