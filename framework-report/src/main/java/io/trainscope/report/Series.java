package io.trainscope.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One scalar metric of one layer (or of the whole network) over a run, kept in bounded memory
 * however long the run: what the report plots and tabulates.
 *
 * <h2>Downsampling</h2>
 * Values are kept in at most {@link #MAX_POINTS} equal-width buckets along the iteration axis.
 * The bucket width starts at one iteration and doubles (merging neighbouring buckets) whenever an
 * iteration falls beyond the last bucket, so a run of any length costs the same memory. Each
 * bucket keeps the count, sum, minimum and maximum of its values; {@link #points()} returns one
 * point per non-empty bucket at its mean iteration with the bucket's <em>mean</em> value and its
 * min/max range. A series with at most one value per bucket is therefore exact.
 *
 * <p>Besides the buckets a series keeps its first and last value and the last value of every
 * epoch (what per-epoch charts use). Non-finite values are counted, kept as first/last/per-epoch
 * values, but never enter the buckets.
 */
public final class Series {

    /** The most points {@link #points()} returns. */
    public static final int MAX_POINTS = 2000;

    /**
     * One plotted point.
     *
     * @param iteration mean iteration of the bucket
     * @param value     mean value of the bucket
     * @param min       smallest value in the bucket
     * @param max       largest value in the bucket
     * @param count     values in the bucket
     */
    public record Point(double iteration, double value, double min, double max, int count) {
    }

    /**
     * One recorded value.
     *
     * @param iteration its iteration
     * @param epoch     its epoch
     * @param value     the value, possibly non-finite
     */
    public record Sample(long iteration, int epoch, double value) {
    }

    private final String metric;
    private final Integer layer;
    private String unit;
    private String monitor;

    private long width = 1;
    private int[] counts = new int[0];
    private double[] iterationSums = new double[0];
    private double[] sums = new double[0];
    private double[] mins = new double[0];
    private double[] maxs = new double[0];

    private long total;
    private long nonFinite;
    private Sample first;
    private Sample last;
    private final TreeMap<Integer, Sample> byEpoch = new TreeMap<>();

    Series(String metric, Integer layer) {
        this.metric = metric;
        this.layer = layer;
    }

    /** Adds one value. */
    void add(long iteration, int epoch, double value, String unit, String monitor) {
        if (this.unit == null) {
            this.unit = unit;
        }
        if (this.monitor == null) {
            this.monitor = monitor;
        }
        Sample s = new Sample(iteration, epoch, value);
        if (first == null) {
            first = s;
        }
        last = s;
        byEpoch.put(epoch, s);
        total++;
        if (!Double.isFinite(value)) {
            nonFinite++;
            return;
        }
        int bucket = bucket(Math.max(0, iteration));
        counts[bucket]++;
        iterationSums[bucket] += iteration;
        sums[bucket] += value;
        mins[bucket] = counts[bucket] == 1 ? value : Math.min(mins[bucket], value);
        maxs[bucket] = counts[bucket] == 1 ? value : Math.max(maxs[bucket], value);
    }

    private int bucket(long iteration) {
        while (iteration / width >= MAX_POINTS) {
            halve();
        }
        int b = (int) (iteration / width);
        if (b >= counts.length) {
            grow(Math.min(MAX_POINTS, Math.max(b + 1, counts.length * 2)));
        }
        return b;
    }

    private void grow(int size) {
        counts = Arrays.copyOf(counts, size);
        iterationSums = Arrays.copyOf(iterationSums, size);
        sums = Arrays.copyOf(sums, size);
        mins = Arrays.copyOf(mins, size);
        maxs = Arrays.copyOf(maxs, size);
    }

    /** Doubles the bucket width, merging bucket pairs (2i, 2i+1) into bucket i. */
    private void halve() {
        int n = counts.length;
        for (int i = 0; i < (n + 1) / 2; i++) {
            int a = 2 * i;
            int b = a + 1;
            int ca = counts[a];
            int cb = b < n ? counts[b] : 0;
            double sum = sums[a] + (b < n ? sums[b] : 0);
            double its = iterationSums[a] + (b < n ? iterationSums[b] : 0);
            double min = ca == 0 ? (cb == 0 ? 0 : mins[b]) : (cb == 0 ? mins[a] : Math.min(mins[a], mins[b]));
            double max = ca == 0 ? (cb == 0 ? 0 : maxs[b]) : (cb == 0 ? maxs[a] : Math.max(maxs[a], maxs[b]));
            counts[i] = ca + cb;
            sums[i] = sum;
            iterationSums[i] = its;
            mins[i] = min;
            maxs[i] = max;
        }
        for (int i = (n + 1) / 2; i < n; i++) {
            counts[i] = 0;
            sums[i] = 0;
            iterationSums[i] = 0;
            mins[i] = 0;
            maxs[i] = 0;
        }
        width *= 2;
    }

    /** The metric name. */
    public String metric() {
        return metric;
    }

    /** The layer index, or null for a network-wide value. */
    public Integer layer() {
        return layer;
    }

    /** The unit of the first value, or null. */
    public String unit() {
        return unit;
    }

    /** The monitor that recorded the first value, or null. */
    public String monitor() {
        return monitor;
    }

    /** How many values were added, non-finite ones included. */
    public long count() {
        return total;
    }

    /** How many of them were NaN or infinite. */
    public long nonFinite() {
        return nonFinite;
    }

    /** The first value added (by file order), or null when empty. */
    public Sample first() {
        return first;
    }

    /** The last value added, or null when empty. */
    public Sample last() {
        return last;
    }

    /** The last value of each epoch, by epoch, in epoch order. */
    public Map<Integer, Sample> byEpoch() {
        return Collections.unmodifiableMap(byEpoch);
    }

    /** The bucket width in iterations: 1 until the run outgrows {@link #MAX_POINTS} buckets. */
    public long bucketWidth() {
        return width;
    }

    /**
     * The first value and the last value of every epoch, by iteration: the points in time that
     * per-layer snapshots (box charts, bars at start and end) choose from.
     */
    public NavigableMap<Long, Sample> snapshots() {
        TreeMap<Long, Sample> out = new TreeMap<>();
        if (first != null) {
            out.put(first.iteration(), first);
        }
        for (Sample s : byEpoch.values()) {
            out.put(s.iteration(), s);
        }
        return out;
    }

    /** Whether any plotted point stands for more than one value. */
    public boolean downsampled() {
        for (int c : counts) {
            if (c > 1) {
                return true;
            }
        }
        return false;
    }

    /** The finite values as at most {@link #MAX_POINTS} bucket means, in iteration order. */
    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                points.add(new Point(iterationSums[i] / counts[i], sums[i] / counts[i], mins[i], maxs[i], counts[i]));
            }
        }
        return points;
    }
}
