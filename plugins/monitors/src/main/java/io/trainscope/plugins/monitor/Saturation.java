package io.trainscope.plugins.monitor;

import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.monitor.HostArray;

/**
 * One layer's saturation statistics from its activations on the host.
 *
 * @param percent        share of values in the flat region, in percent
 * @param saturatedUnits units whose every value (every example, every position of a channel) is in the flat region
 * @param mean           mean of all values
 * @param std            population standard deviation of all values
 * @param unitPercents   per unit, the share of its values in the flat region, in percent
 */
record Saturation(double percent, int saturatedUnits, double mean, double std, double[] unitPercents) {

    /**
     * Statistics of activations {@code [batch, units × positions]} (a dense layer's {@code [batch,
     * units]}, a convolution's {@code [batch, channels, rows, columns]} seen as rows of channel after
     * channel) against a flat region, read in memory order.
     *
     * @param units the number of units (channels); each owns {@code columns / units} consecutive columns
     */
    static Saturation of(HostArray a, FlatRegion flat, long units) {
        int rows = a.rows();
        int columns = a.columns();
        float[] v = a.values();
        // float bounds that classify every float exactly as the double bounds do, and a test without branches
        // (relu outputs are 0 at random, which a branch would mispredict half the time)
        float lower = floorToFloat(flat.lowerBound());
        float upper = ceilToFloat(flat.upperBound());
        int[] flatPerColumn = new int[columns];
        if (a.columnMajor()) {
            countColumnMajor(v, rows, columns, lower, upper, flatPerColumn);
        } else {
            countRowMajor(v, rows, columns, lower, upper, flatPerColumn);
        }
        int u = units > 0 && columns % units == 0 ? (int) units : columns;
        int positions = u == 0 ? 0 : columns / u;
        double[] unitPercents = new double[u];
        long flatCount = 0;
        int flatUnits = 0;
        for (int unit = 0, c = 0; unit < u; unit++) {
            long perUnit = 0;
            for (int p = 0; p < positions; p++, c++) {
                perUnit += flatPerColumn[c];
            }
            flatCount += perUnit;
            flatUnits += perUnit == (long) rows * positions && rows > 0 ? 1 : 0;
            unitPercents[unit] = rows == 0 ? 0 : 100.0 * perUnit / ((long) rows * positions);
        }
        long n = (long) rows * columns;
        if (n == 0) {
            return new Saturation(0, 0, Double.NaN, Double.NaN, unitPercents);
        }
        double mean = a.sum() / n;
        double variance = Math.max(0, a.sumOfSquares() / n - mean * mean);
        return new Saturation(100.0 * flatCount / n, flatUnits, mean, Math.sqrt(variance), unitPercents);
    }

    /**
     * Counts flat values per column into {@code flatPerColumn}: no sums here (the mean and the spread
     * come from {@link HostArray#sum} and {@link HostArray#sumOfSquares}, whose float lanes do not wait
     * on one chain of double additions), so each value costs a few integer operations.
     */
    private static void countColumnMajor(float[] v, int rows, int columns, float lower, float upper, int[] flatPerColumn) {
        for (int c = 0, i = 0; c < columns; c++) {
            int count = 0;
            for (int r = 0; r < rows; r++, i++) {
                count += flat(v[i], lower, upper);
            }
            flatPerColumn[c] = count;
        }
    }

    /** As {@link #countColumnMajor}, for values stored row after row. */
    private static void countRowMajor(float[] v, int rows, int columns, float lower, float upper, int[] flatPerColumn) {
        for (int r = 0, i = 0; r < rows; r++, i += columns) {
            for (int c = 0; c < columns; c++) {
                flatPerColumn[c] += flat(v[i + c], lower, upper);
            }
        }
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
