package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.Statistics;

import java.util.Arrays;

/**
 * The distribution of values held on the host: their exact range and mean, a histogram of equal
 * bins over the range, and quantiles read off a histogram {@value #SUB_BINS} times finer. Two passes over the
 * values, no sorting: a quantile is exact to within one fine bin, {@code (max - min) / (bins ×}
 * {@value #SUB_BINS}{@code )} (with 50 bins, 1/3200 of the range). Non-finite values are left out.
 *
 * <p>A {@code stride} above 1 reads every {@code stride}-th value only: a systematic sample, which
 * {@link #stride} chooses so that it covers every row and column of a matrix evenly.
 */
final class Distribution {

    /** Fine bins per reported bin, for quantiles. */
    static final int SUB_BINS = 64;

    /** log10(2), to turn a base-2 logarithm into a base-10 one. */
    private static final float LOG10_2 = 0.30102999566f;
    /**
     * log2(1 + x) on [0, 1) as a polynomial of degree 5 (least squares on Chebyshev nodes): its
     * error is below 1.5e-5 in log2, 4.4e-6 in log10.
     */
    private static final float C0 = 1.4390929995e-05f;
    private static final float C1 = 1.4415920772f;
    private static final float C2 = -0.70725343357f;
    private static final float C3 = 0.41156148231f;
    private static final float C4 = -0.18983244653f;
    private static final float C5 = 0.043928627848f;

    private final double low;
    private final double high;
    private final double mean;
    private final int bins;
    private final long[] fine;
    private final long count;

    private Distribution(double low, double high, double mean, int bins, long[] fine, long count) {
        this.low = low;
        this.high = high;
        this.mean = mean;
        this.bins = bins;
        this.fine = fine;
        this.count = count;
    }

    /** The distribution of all of {@code values[0..n)}. */
    static Distribution of(float[] values, int n, int bins) {
        return of(values, n, 1, 1.0, bins);
    }

    /**
     * The distribution of {@code values[0], values[stride], values[2 stride], ...} below {@code n},
     * each multiplied by {@code scale}.
     *
     * @param scale a positive factor (the gradient scale 1/batch for DL4J's summed gradients)
     * @return the distribution, or null when no finite value is left
     */
    static Distribution of(float[] values, int n, int stride, double scale, int bins) {
        if (bins < 1 || stride < 1 || !(scale > 0)) {
            throw new IllegalArgumentException("need bins >= 1, stride >= 1 and scale > 0, got " + bins + ", "
                    + stride + " and " + scale);
        }
        Range r = range(values, n, stride);
        if (!Double.isFinite(r.sum()) || Float.isInfinite(r.min()) || Float.isInfinite(r.max())) {
            return ofNonFinite(values, n, stride, scale, bins);
        }
        long count = (n - 1) / stride + 1;
        long[] fine = fineCounts(values, n, stride, r.min(), r.max(), bins * SUB_BINS);
        return withRange(r.min() * scale, r.max() * scale, r.sum() / count * scale, bins, fine, count);
    }

    /** Minimum, maximum and sum of a strided run of values; non-finite values make the sum non-finite. */
    private record Range(float min, float max, double sum) {
    }

    /**
     * One pass for minimum, maximum and sum. Two interleaved sets of accumulators halve the
     * dependency chains; a unit stride gets a loop of its own because the JIT unrolls a unit
     * stride, not a variable one.
     */
    private static Range range(float[] values, int n, int stride) {
        float min0 = Float.POSITIVE_INFINITY;
        float max0 = Float.NEGATIVE_INFINITY;
        float min1 = Float.POSITIVE_INFINITY;
        float max1 = Float.NEGATIVE_INFINITY;
        double sum0 = 0;
        double sum1 = 0;
        int step = 2 * stride;
        int i = 0;
        for (; i + stride < n; i += step) {
            float a = values[i];
            float b = values[i + stride];
            min0 = a < min0 ? a : min0;
            max0 = a > max0 ? a : max0;
            min1 = b < min1 ? b : min1;
            max1 = b > max1 ? b : max1;
            sum0 += a;
            sum1 += b;
        }
        for (; i < n; i += stride) {
            float a = values[i];
            min0 = a < min0 ? a : min0;
            max0 = a > max0 ? a : max0;
            sum0 += a;
        }
        return new Range(Math.min(min0, min1), Math.max(max0, max1), sum0 + sum1);
    }

    /** Counts of finite values in {@code fineBins} equal bins over {@code [min, max]}. */
    private static long[] fineCounts(float[] values, int n, int stride, float min, float max, int fineBins) {
        long[] fine = new long[fineBins];
        float perUnit = max > min ? fineBins / (max - min) : 0f;
        int last = fineBins - 1;
        if (stride == 1) {
            for (int k = 0; k < n; k++) {
                int b = (int) ((values[k] - min) * perUnit);
                fine[b > last ? last : b]++;
            }
        } else {
            for (int k = 0; k < n; k += stride) {
                int b = (int) ((values[k] - min) * perUnit);
                fine[b > last ? last : b]++;
            }
        }
        return fine;
    }

    /** The slow path: skips NaN and infinite values one by one. */
    private static Distribution ofNonFinite(float[] values, int n, int stride, double scale, int bins) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        long count = 0;
        double sum = 0;
        for (int i = 0; i < n; i += stride) {
            float v = values[i];
            if (v - v == 0f) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        int fineBins = bins * SUB_BINS;
        long[] fine = new long[fineBins];
        float perUnit = max > min ? fineBins / (max - min) : 0f;
        for (int i = 0; i < n; i += stride) {
            float v = values[i];
            if (v - v == 0f) {
                fine[Math.min(fineBins - 1, (int) ((v - min) * perUnit))]++;
            }
        }
        return withRange(min * scale, max * scale, sum / count * scale, bins, fine, count);
    }

    private static Distribution withRange(double low, double high, double mean, int bins, long[] fine, long count) {
        if (!(high > low)) { // all values equal: a tiny range around them, all counted in the first bin
            double pad = Math.max(1e-12, Math.abs(low) * 1e-6);
            return new Distribution(low - pad, high + pad, mean, bins, fine, count);
        }
        return new Distribution(low, high, mean, bins, fine, count);
    }

    /**
     * Writes {@code log10 |values[i] × scale|} of every nonzero finite value (every {@code stride}-th
     * one) into {@code out}, as seed 000 plots gradients. The logarithm is the float's exponent plus
     * a polynomial in its mantissa, within 1e-5 decades of {@link Math#log10} and about ten times
     * faster.
     *
     * @return how many values were written (zeros and non-finite values are skipped)
     */
    static int log10Magnitudes(float[] values, int n, int stride, double scale, float[] out) {
        float offset = (float) Math.log10(scale);
        int m = 0;
        for (int i = 0; i < n; i += stride) {
            int bits = Float.floatToRawIntBits(values[i]) & 0x7fffffff;
            if (bits != 0 && bits < 0x7f800000) {
                out[m++] = log10(bits) + offset;
            }
        }
        return m;
    }

    /** log10 of the positive finite float with these bits. */
    static float log10(int bits) {
        if (bits < 0x00800000) { // subnormal: rare, take the slow path
            return (float) Math.log10(Float.intBitsToFloat(bits));
        }
        int exponent = (bits >>> 23) - 127;
        float x = Float.intBitsToFloat((bits & 0x007fffff) | 0x3f800000) - 1f; // mantissa - 1, in [0, 1)
        float log2 = C0 + x * (C1 + x * (C2 + x * (C3 + x * (C4 + x * C5))));
        return (exponent + log2) * LOG10_2;
    }

    /** The stride of a systematic sample of at most {@code maxValues} values: {@link Statistics#sampleStride}. */
    static int stride(int rows, int columns, int maxValues) {
        return Statistics.sampleStride(rows, columns, maxValues);
    }

    /** The number of values counted. */
    long count() {
        return count;
    }

    /** The smallest value (the lower edge of the first bin). */
    double low() {
        return low;
    }

    /** The largest value (the upper edge of the last bin). */
    double high() {
        return high;
    }

    /** The mean of the values counted. */
    double mean() {
        return mean;
    }

    /** The histogram of {@code bins} equal bins from the smallest to the largest value. */
    Histogram histogram() {
        long[] counts = new long[bins];
        for (int i = 0; i < fine.length; i++) {
            counts[i / SUB_BINS] += fine[i];
        }
        double[] edges = new double[bins + 1];
        double width = (high - low) / bins;
        for (int i = 0; i < bins; i++) {
            edges[i] = low + i * width;
        }
        edges[bins] = high;
        return new Histogram(edges, counts);
    }

    /**
     * The quantiles at ascending {@code levels}, each as {@link #quantile}, in one pass over the fine bins.
     */
    double[] quantiles(double... levels) {
        double[] out = new double[levels.length];
        double width = (high - low) / fine.length;
        long before = 0;
        int i = 0;
        for (int q = 0; q < levels.length; q++) {
            if (q > 0 && levels[q] < levels[q - 1] || !(levels[q] >= 0 && levels[q] <= 1)) {
                throw new IllegalArgumentException("quantile levels must ascend in [0, 1], got " + Arrays.toString(levels));
            }
            double rank = (count - 1) * levels[q];
            while (i < fine.length && !(fine[i] > 0 && rank < before + fine[i])) {
                before += fine[i];
                i++;
            }
            // the values of bin i sit at the centres of equal slices of the bin
            out[q] = i == fine.length ? high : low + (i + (rank - before + 0.5) / fine[i]) * width;
        }
        return out;
    }

    /**
     * The {@code p}-quantile with linear interpolation between order statistics (NumPy's default):
     * the value at rank {@code (count - 1) p}, located in its fine bin and interpolated within it
     * as if the bin's values were evenly spread.
     */
    double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], got " + p);
        }
        double rank = (count - 1) * p;
        double width = (high - low) / fine.length;
        long before = 0;
        for (int i = 0; i < fine.length; i++) {
            long c = fine[i];
            if (c > 0 && rank < before + c) {
                // the c values of bin i sit at the centres of c equal slices of the bin
                double within = (rank - before + 0.5) / c;
                return low + (i + within) * width;
            }
            before += c;
        }
        return high;
    }
}
