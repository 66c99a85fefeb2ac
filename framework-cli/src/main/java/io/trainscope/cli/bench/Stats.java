package io.trainscope.cli.bench;

import java.util.Arrays;

/**
 * Median and range of repeated measurements (non-finite values ignored).
 *
 * @param median the median
 * @param min    the smallest value
 * @param max    the largest value
 * @param n      how many values
 */
public record Stats(double median, double min, double max, int n) {

    public static Stats of(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Stats(median, v[0], v[n - 1], n);
    }
}
