package io.trainscope.plugins.monitor;

import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.monitor.HostArray;

/**
 * One layer's saturation statistics from its activations on the host.
 *
 * @param percent        share of values in the flat region, in percent
 * @param saturatedUnits columns whose every value is in the flat region
 * @param mean           mean of all values
 * @param std            population standard deviation of all values
 */
record Saturation(double percent, int saturatedUnits, double mean, double std) {

    /** Statistics of an activation matrix {@code [batch, units]} against a flat region, read in memory order. */
    static Saturation of(HostArray a, FlatRegion flat) {
        int rows = a.rows();
        int columns = a.columns();
        float[] v = a.values();
        // float bounds that classify every float exactly as the double bounds do, and a test without branches
        // (relu outputs are 0 at random, which a branch would mispredict half the time)
        float lower = floorToFloat(flat.lowerBound());
        float upper = ceilToFloat(flat.upperBound());
        int[] flatPerColumn = new int[columns];
        double[] sums = a.columnMajor() ? countColumnMajor(v, rows, columns, lower, upper, flatPerColumn)
                : countRowMajor(v, rows, columns, lower, upper, flatPerColumn);
        long flatCount = 0;
        int flatUnits = 0;
        for (int c = 0; c < columns; c++) {
            flatCount += flatPerColumn[c];
            flatUnits += flatPerColumn[c] == rows && rows > 0 ? 1 : 0;
        }
        long n = (long) rows * columns;
        if (n == 0) {
            return new Saturation(0, 0, Double.NaN, Double.NaN);
        }
        double mean = sums[0] / n;
        double variance = Math.max(0, sums[1] / n - mean * mean);
        return new Saturation(100.0 * flatCount / n, flatUnits, mean, Math.sqrt(variance));
    }

    /** Counts flat values per column into {@code flatPerColumn}; returns the sum and the sum of squares. */
    private static double[] countColumnMajor(float[] v, int rows, int columns, float lower, float upper,
                                             int[] flatPerColumn) {
        double sum = 0;
        double sumSquares = 0;
        for (int c = 0, i = 0; c < columns; c++) {
            int count = 0;
            for (int r = 0; r < rows; r++, i++) {
                float x = v[i];
                sum += x;
                sumSquares += (double) x * x;
                count += flat(x, lower, upper);
            }
            flatPerColumn[c] = count;
        }
        return new double[]{sum, sumSquares};
    }

    /** As {@link #countColumnMajor}, for values stored row after row. */
    private static double[] countRowMajor(float[] v, int rows, int columns, float lower, float upper,
                                          int[] flatPerColumn) {
        double sum = 0;
        double sumSquares = 0;
        for (int r = 0, i = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++, i++) {
                float x = v[i];
                sum += x;
                sumSquares += (double) x * x;
                flatPerColumn[c] += flat(x, lower, upper);
            }
        }
        return new double[]{sum, sumSquares};
    }

    /**
     * 1 when {@code x <= lower} or {@code x >= upper}, else 0, from the sign bits of the differences: a float
     * difference is negative exactly when the first operand is the smaller (and NaN counts as flat).
     */
    static int flat(float x, float lower, float upper) {
        return 1 - ((Float.floatToRawIntBits(lower - x) >>> 31) & (Float.floatToRawIntBits(x - upper) >>> 31));
    }

    /** The largest float at most {@code d}. */
    static float floorToFloat(double d) {
        float f = (float) d;
        return f > d ? Math.nextDown(f) : f;
    }

    /** The smallest float at least {@code d}. */
    static float ceilToFloat(double d) {
        float f = (float) d;
        return f < d ? Math.nextUp(f) : f;
    }
}
