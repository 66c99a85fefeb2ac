package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Shared statistics for monitors. A native call costs tens of microseconds and every value brought
 * back to Java costs more, so the implementation copies each array to the Java heap once per
 * callback with a plain memory copy (no native op) and computes there; results and copies are
 * shared by every monitor of the same callback, so a statistic several monitors need (the norm of
 * a layer's weights, say) is computed once.
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
