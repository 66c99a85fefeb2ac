package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

/**
 * The values of an array copied to the Java heap, with the layout needed to read element
 * {@code (row, column)}: for statistics that are cheaper as a Java loop than as several native
 * calls (a native op costs tens of microseconds; a Java pass over 100,000 floats about as much).
 * Obtained from {@link Statistics#host}, which copies each array once per callback and shares the
 * copy among monitors.
 *
 * <h2>Contract</h2>
 * Valid only during the callback it was obtained in: the buffer is reused afterwards. Read-only.
 * Only the first {@link #size()} entries of {@link #values()} belong to the array.
 */
@StableApi(since = "0.1")
public final class HostArray {

    private final float[] values;
    private final int rows;
    private final int columns;
    private final boolean columnMajor;

    /**
     * @param values      the values in memory order; at least {@code rows * columns} long
     * @param rows        rows (1 for a vector)
     * @param columns     columns
     * @param columnMajor whether a column's values are consecutive (Fortran order)
     */
    public HostArray(float[] values, int rows, int columns, boolean columnMajor) {
        if ((long) rows * columns > values.length) {
            throw new IllegalArgumentException(rows + " x " + columns + " values do not fit in " + values.length);
        }
        this.values = values;
        this.rows = rows;
        this.columns = columns;
        this.columnMajor = columnMajor;
    }

    /** The values in memory order; only the first {@link #size()} are this array's. */
    public float[] values() {
        return values;
    }

    /** The number of rows (1 for a vector). */
    public int rows() {
        return rows;
    }

    /** The number of columns. */
    public int columns() {
        return columns;
    }

    /** The number of values, {@code rows × columns}. */
    public int size() {
        return rows * columns;
    }

    /** Whether a column's values are consecutive in {@link #values()}. */
    public boolean columnMajor() {
        return columnMajor;
    }

    /** The position of element {@code (row, column)} in {@link #values()}. */
    public int index(int row, int column) {
        return columnMajor ? row + column * rows : row * columns + column;
    }

    /** Element {@code (row, column)}. */
    public float get(int row, int column) {
        return values[index(row, column)];
    }

    /**
     * The sum of squares of the values: float partial sums over blocks of 4,096 values in eight
     * independent lanes (fast: no conversion per value, no dependency chain), added up in double
     * precision (relative error about 1e-8 on a million Gaussian values). A block whose float sum
     * overflows (values above about 1.8e19) is summed again in double, so the result is NaN or
     * infinite exactly when a value is: finite floats never overflow a double sum of squares.
     */
    public double sumOfSquares() {
        return sumOfSquares(0, size());
    }

    /** The sum of squares of the values at positions {@code [from, to)} of {@link #values()}, as {@link #sumOfSquares()}. */
    public double sumOfSquares(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of " + size() + " values");
        }
        double total = 0;
        for (int i = from; i < to; i += 4096) {
            total += blockSumOfSquares(values, i, Math.min(to, i + 4096));
        }
        return total;
    }

    /**
     * The sum of squares of {@code values[from, to)}, at most a few thousand of them: eight float
     * accumulators (enough precision for one block, and the loop vectorizes), added up in double;
     * when a float accumulator overflowed, the block again in double.
     */
    private static double blockSumOfSquares(float[] values, int from, int to) {
        double block = floatSumOfSquares(values, from, to);
        return Double.isInfinite(block) ? doubleSumOfSquares(values, from, to) : block;
    }

    /** The fast path of {@link #blockSumOfSquares}: infinite when a value is, or when a square or lane overflows a float. */
    private static double floatSumOfSquares(float[] values, int from, int to) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = from;
        for (; i + 7 < to; i += 8) {
            s0 += values[i] * values[i];
            s1 += values[i + 1] * values[i + 1];
            s2 += values[i + 2] * values[i + 2];
            s3 += values[i + 3] * values[i + 3];
            s4 += values[i + 4] * values[i + 4];
            s5 += values[i + 5] * values[i + 5];
            s6 += values[i + 6] * values[i + 6];
            s7 += values[i + 7] * values[i + 7];
        }
        double block = (double) s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
        for (; i < to; i++) {
            block += (double) values[i] * values[i];
        }
        return block;
    }

    /** Every square and sum in double: finite for finite values. */
    private static double doubleSumOfSquares(float[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double x = values[i];
            sum += x * x;
        }
        return sum;
    }

    /**
     * The sum of the values, as {@link #sumOfSquares()} sums: float partial sums over blocks of
     * 4,096 values in eight lanes, added up in double precision; a block whose float sum is not
     * finite is summed again in double, so the result is NaN or infinite exactly when a value is.
     */
    public double sum() {
        int n = size();
        double total = 0;
        for (int i = 0; i < n; i += 4096) {
            int to = Math.min(n, i + 4096);
            double block = floatSum(values, i, to);
            if (!Double.isFinite(block)) {
                block = 0;
                for (int k = i; k < to; k++) {
                    block += values[k];
                }
            }
            total += block;
        }
        return total;
    }

    /** The sum of {@code values[from, to)} in eight float lanes, added up in double. */
    private static double floatSum(float[] values, int from, int to) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = from;
        for (; i + 7 < to; i += 8) {
            s0 += values[i];
            s1 += values[i + 1];
            s2 += values[i + 2];
            s3 += values[i + 3];
            s4 += values[i + 4];
            s5 += values[i + 5];
            s6 += values[i + 6];
            s7 += values[i + 7];
        }
        double block = (double) s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
        for (; i < to; i++) {
            block += values[i];
        }
        return block;
    }

    /** Mean, population standard deviation, minimum, maximum and count of the values, in one pass. */
    public Statistics.Summary summary() {
        int n = size();
        if (n == 0) {
            return new Statistics.Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double pivot = values[0];
        double sum = 0;
        double sumSquares = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        boolean nan = false;
        for (int i = 0; i < n; i++) {
            float x = values[i];
            double d = x - pivot;
            sum += d;
            sumSquares += d * d;
            nan |= x != x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double mean = sum / n;
        double variance = Math.max(0, sumSquares / n - mean * mean);
        return nan ? new Statistics.Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n)
                : new Statistics.Summary(pivot + mean, Math.sqrt(variance), min, max, n);
    }

    /**
     * The population variance of every {@code stride}-th value (a systematic sample of a large
     * array; 1 for all values), shifted by the first value against cancellation.
     */
    public double variance(int stride) {
        int n = size();
        if (n == 0) {
            return Double.NaN;
        }
        double pivot = values[0];
        double s = 0;
        double q = 0;
        long count = 0;
        for (int i = 0; i < n; i += stride) {
            double a = values[i] - pivot;
            s += a;
            q += a * a;
            count++;
        }
        double mean = s / count;
        return Math.max(0, q / count - mean * mean);
    }
}
