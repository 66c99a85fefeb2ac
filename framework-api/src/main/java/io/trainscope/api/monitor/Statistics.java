package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Shared statistics for monitors. A native call costs tens of microseconds and every value brought
 * back to Java costs more, so the implementation copies each array to the Java heap at most once
 * per callback with a plain memory copy (no native op) and computes there, and reads a
 * {@linkplain #sample sample} of a large array without copying the rest; results, copies and
 * samples are shared by every monitor of the same callback, so a statistic several monitors need
 * (the norm of a layer's weights, say) is computed once.
 */
@StableApi(since = "0.1")
public interface Statistics {

    /** The L2 norm of each array (NaN or infinite when the array holds a NaN or an infinity). */
    double[] norms(List<INDArray> arrays);

    /**
     * The array's values on the Java heap, copied once per callback and shared by all monitors.
     * Valid only during the current callback. An array of rank above 2 (a convolution's
     * {@code [batch, channels, rows, columns]} activations or {@code [out, in, kh, kw]} kernel)
     * appears as a matrix of {@code size(0)} rows holding the rest of each slice in C order.
     */
    HostArray host(INDArray array);

    /**
     * A systematic sample of the array's values: every {@code k}-th value of {@link #host}'s
     * {@link HostArray#values()}, from the first, with {@code k =} {@link #sampleStride} of its
     * rows, columns and {@code maxValues}; when {@code k} is 1 (at most {@code maxValues} values, or
     * {@code maxValues} 0), {@link #host} itself. Otherwise a one-row array of
     * {@code (size - 1) / k + 1} values, read straight from the array's memory where {@link #host}
     * would copy it as it is (a dense float array), so that the sample costs as many reads as it
     * has values, not a copy of the array. Shared by monitors and valid like {@link #host}.
     *
     * <p>The default reads the sample from {@link #host}.
     *
     * @param maxValues the most values to read; 0 or less for all of them
     */
    default HostArray sample(INDArray array, int maxValues) {
        HostArray all = host(array);
        int stride = sampleStride(all.rows(), all.columns(), maxValues);
        if (stride == 1) {
            return all;
        }
        float[] values = new float[(all.size() - 1) / stride + 1];
        for (int i = 0, j = 0; j < values.length; i += stride, j++) {
            values[j] = all.values()[i];
        }
        return new HostArray(values, 1, values.length, false);
    }

    /**
     * The stride of a systematic sample of at most {@code maxValues} of the {@code rows × columns}
     * values of a matrix: 1 (every value) when they are not more, else the smallest prime at least
     * {@code ceil(n / maxValues)} that divides neither dimension. Being coprime to both, it walks
     * through every row and every column in turn in either memory order, so no row (an input
     * feature) or column (a unit) is left out systematically.
     *
     * @param maxValues the most values to read; 0 or less for no limit
     */
    static int sampleStride(int rows, int columns, int maxValues) {
        long n = (long) rows * columns;
        if (maxValues <= 0 || n <= maxValues) {
            return 1;
        }
        int k = (int) ((n + maxValues - 1) / maxValues);
        while (!prime(k) || rows % k == 0 || columns % k == 0) {
            k++;
        }
        return k;
    }

    private static boolean prime(int k) {
        if (k < 2) {
            return false;
        }
        for (int d = 2; (long) d * d <= k; d++) {
            if (k % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** Mean, standard deviation, minimum, maximum and count of each array's elements. */
    Summary[] summaries(List<INDArray> arrays);

    /** A histogram of {@code values} over {@code [low, high]} in {@code bins} equal bins; values outside, and NaN, are dropped. */
    Histogram histogram(INDArray values, double low, double high, int bins);

    /** A histogram of {@code values} over their own range in {@code bins} equal bins. */
    Histogram histogram(INDArray values, int bins);

    /**
     * Basic statistics of one array.
     *
     * @param mean  arithmetic mean
     * @param std   population standard deviation
     * @param min   smallest element
     * @param max   largest element
     * @param count number of elements
     */
    record Summary(double mean, double std, double min, double max, long count) {
        /** The population variance, {@code std²}. */
        public double variance() {
            return std * std;
        }
    }
}
