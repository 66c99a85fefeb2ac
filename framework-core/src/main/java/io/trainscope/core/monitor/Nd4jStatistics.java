package io.trainscope.core.monitor;

import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.HostArray;
import io.trainscope.api.monitor.Statistics;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Statistics} for one run: every array a monitor asks about is copied to the Java heap once
 * per callback, by reading its memory directly (no native op, nothing allocated off-heap), and
 * every statistic is computed there and remembered, so monitors asking for the same thing in the
 * same callback share one copy and one computation. The dispatcher calls {@link #invalidate()}
 * whenever array contents may have changed (each callback group); copy buffers are pooled by size
 * and reused, so the steady state allocates nothing.
 */
public final class Nd4jStatistics implements Statistics {

    private final Map<INDArray, HostArray> copies = new IdentityHashMap<>();
    private final Map<INDArray, Double> norms = new IdentityHashMap<>();
    private final Map<SampleKey, HostArray> samples = new HashMap<>();
    private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
    private final List<float[]> inUse = new ArrayList<>();

    /** Forgets every copy and result: array contents may have changed. Buffers return to the pool. */
    public void invalidate() {
        copies.clear();
        norms.clear();
        samples.clear();
        for (float[] b : inUse) {
            free.computeIfAbsent(b.length, k -> new ArrayDeque<>()).push(b);
        }
        inUse.clear();
    }

    @Override
    public HostArray host(INDArray a) {
        HostArray cached = copies.get(a);
        if (cached != null) {
            return cached;
        }
        HostArray host = emptyCopy(a);
        if (NativeValues.readable(a)) {
            ((FloatPointer) a.data().addressPointer()).get(host.values(), 0, host.size());
        } else if (host.size() > 0) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                INDArray cast = a.castTo(DataType.FLOAT);
                INDArray copy = cast.dup('c');
                ((FloatPointer) copy.data().addressPointer()).get(host.values(), 0, host.size());
                copy.close();
                if (cast != a) {
                    cast.close();
                }
            }
        }
        copies.put(a, host);
        return host;
    }

    /**
     * A host array in a pooled buffer, shaped as {@link #host} describes {@code a}: column-major
     * when the values of a readable f-order matrix are copied as they lie, else in C order.
     */
    private HostArray emptyCopy(INDArray a) {
        if (a.length() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("array too large for the Java heap: " + a.length() + " values");
        }
        int n = (int) a.length();
        int rows = rows(a);
        boolean columnMajor = NativeValues.readable(a) && a.rank() == 2 && a.ordering() == 'f' && rows > 1;
        return new HostArray(buffer(n), rows, n / Math.max(1, rows), columnMajor);
    }

    @Override
    public double[] norms(List<INDArray> arrays) {
        double[] out = new double[arrays.size()];
        for (int i = 0; i < out.length; i++) {
            INDArray a = arrays.get(i);
            Double known = norms.get(a);
            if (known == null) {
                known = a.dataType() == DataType.DOUBLE ? doubleNorm(a) : Math.sqrt(sumOfSquares(a));
                norms.put(a, known);
            }
            out[i] = known;
        }
        return out;
    }

    /**
     * The sum of squares of the array's values, from its host copy; when there is none yet and the
     * array can be read from its memory, the copy is made chunk by chunk, each chunk summed while in
     * cache (the same sum, in about the time of the copy alone).
     */
    private double sumOfSquares(INDArray a) {
        HostArray copy = copies.get(a);
        if (copy == null && NativeValues.readable(a)) {
            copy = emptyCopy(a);
            copies.put(a, copy);
            return NativeValues.copySummingSquares(a, copy);
        }
        return (copy == null ? host(a) : copy).sumOfSquares();
    }

    @Override
    public HostArray sample(INDArray a, int maxValues) {
        if (a.length() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("array too large for the Java heap: " + a.length() + " values");
        }
        int n = (int) a.length();
        int rows = rows(a);
        int stride = Statistics.sampleStride(rows, n / Math.max(1, rows), maxValues);
        if (stride == 1) {
            return host(a);
        }
        SampleKey key = new SampleKey(a, stride);
        HostArray cached = samples.get(key);
        if (cached != null) {
            return cached;
        }
        int count = (n - 1) / stride + 1;
        float[] values = buffer(count);
        HostArray copy = copies.get(a);
        if (copy == null && NativeValues.readable(a)) {
            NativeValues.sample(a, stride, values);
        } else {
            float[] all = (copy == null ? host(a) : copy).values();
            for (int i = 0, j = 0; j < count; i += stride, j++) {
                values[j] = all[i];
            }
        }
        HostArray sample = new HostArray(values, 1, count, false);
        samples.put(key, sample);
        return sample;
    }

    /** The rows of an array's host copy: {@code size(0)} from rank 2 on, else 1. */
    private static int rows(INDArray a) {
        return a.rank() >= 2 ? (int) a.size(0) : 1;
    }

    /** A sample of one array (by identity) at one stride. */
    private record SampleKey(INDArray array, int stride) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SampleKey k && k.array == array && k.stride == stride;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(array) + stride;
        }
    }

    /**
     * The L2 norm of a float64 array, in double from its own values: its float copy would turn
     * finite values beyond ±3.4e38 into infinities. Scaled by the largest magnitude, so that the
     * norm is NaN or infinite exactly when a value is.
     */
    private static double doubleNorm(INDArray a) {
        double[] v;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray copy = a.dup('c');
            v = copy.data().asDouble();
            copy.close();
        }
        double scale = 0;
        for (double x : v) {
            scale = Math.max(scale, Math.abs(x));   // NaN once a value is NaN
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            return scale;
        }
        double sum = 0;
        for (double x : v) {
            double y = x / scale;
            sum += y * y;
        }
        return scale * Math.sqrt(sum);
    }

    @Override
    public Summary[] summaries(List<INDArray> arrays) {
        Summary[] out = new Summary[arrays.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = host(arrays.get(i)).summary();
        }
        return out;
    }

    @Override
    public Histogram histogram(INDArray values, double low, double high, int bins) {
        if (bins <= 0 || !(high > low)) {
            throw new IllegalArgumentException("a histogram needs bins > 0 and high > low, got " + bins + " bins over ["
                    + low + ", " + high + "]");
        }
        HostArray h = host(values);
        float[] data = h.values();
        int n = h.size();
        long[] counts = new long[bins];
        double scale = bins / (high - low);
        for (int i = 0; i < n; i++) {
            float f = data[i];
            if (f >= low && f <= high) {
                counts[Math.min(bins - 1, (int) ((f - low) * scale))]++;
            }
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = low + i * (high - low) / bins;
        }
        edges[bins] = high;
        return new Histogram(edges, counts);
    }

    @Override
    public Histogram histogram(INDArray values, int bins) {
        Summary s = host(values).summary();
        double min = s.min();
        double max = s.max();
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            min = -1;
            max = 1;
        }
        if (!(max > min)) {
            double pad = Math.max(1e-12, Math.abs(min) * 1e-6);
            min -= pad;
            max += pad;
        }
        return histogram(values, min, max, bins);
    }

    private float[] buffer(int n) {
        ArrayDeque<float[]> pool = free.get(n);
        float[] b = pool == null || pool.isEmpty() ? new float[n] : pool.pop();
        inUse.add(b);
        return b;
    }

    /** Whether the array's elements fill its buffer from its offset on, in its own order, without gaps. */
    static boolean dense(INDArray a) {
        return NativeValues.dense(a);
    }
}
