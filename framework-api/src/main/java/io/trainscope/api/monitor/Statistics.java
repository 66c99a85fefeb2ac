package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Batched reductions for monitors. Each native call costs tens of microseconds and every value
 * brought back to Java costs more, so these methods compute the statistics of several arrays in
 * as few native calls as possible and copy to the host once.
 */
@StableApi(since = "0.1")
public interface Statistics {

    /** The L2 norm of each array. */
    double[] norms(List<INDArray> arrays);

    /** Mean, standard deviation, minimum, maximum and count of each array's elements. */
    Summary[] summaries(List<INDArray> arrays);

    /** A histogram of {@code values} over {@code [low, high]} in {@code bins} equal bins; values outside are dropped. */
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
