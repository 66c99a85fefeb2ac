package io.trainscope.core.activation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The computations behind {@link ActivationProfile}, on plain arrays of samples. */
final class Shape {

    /** Standard normal moments are integrated over [-LIMIT, LIMIT]; the mass outside is below 1e-15. */
    static final double LIMIT = 8;
    /** Simpson intervals on [-LIMIT, LIMIT] (even). */
    static final int INTERVALS = 1600;

    private Shape() {
    }

    /** The index of the first largest value. */
    static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The smallest and largest value. */
    static Interval range(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return new Interval(min, max);
    }

    /** The maximal runs of consecutive points where {@code |d| < limit}, as intervals of {@code z}. */
    static List<Interval> runsBelow(double[] z, double[] d, double limit) {
        List<Interval> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= z.length; i++) {
            boolean below = i < z.length && Math.abs(d[i]) < limit;
            if (below && start < 0) {
                start = i;
            } else if (!below && start >= 0) {
                runs.add(new Interval(z[start], z[i - 1]));
                start = -1;
            }
        }
        return runs;
    }

    /** Whether the values never decrease or never increase, beyond {@code 1e-12·max(1, |v|)} of rounding. */
    static boolean monotonic(double[] v) {
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < v.length; i++) {
            double tolerance = 1e-12 * Math.max(1, Math.max(Math.abs(v[i]), Math.abs(v[i - 1])));
            up &= v[i] >= v[i - 1] - tolerance;
            down &= v[i] <= v[i - 1] + tolerance;
        }
        return up || down;
    }

    /**
     * {@code E f(z)} and {@code E f(z)²} for {@code z ~ N(0, 1)}, by Simpson's rule on [-8, 8].
     *
     * @param f evaluates the function at an array of points
     */
    static double[] standardNormalMoments(UnaryOperator<double[]> f) {
        double h = 2 * LIMIT / INTERVALS;
        double[] t = new double[INTERVALS + 1];
        for (int i = 0; i <= INTERVALS; i++) {
            t[i] = -LIMIT + 2 * LIMIT * i / INTERVALS;
        }
        double[] v = f.apply(t);
        double mean = 0;
        double square = 0;
        for (int i = 0; i <= INTERVALS; i++) {
            double weight = (i == 0 || i == INTERVALS ? 1 : i % 2 == 1 ? 4 : 2) * h / 3
                    * Math.exp(-t[i] * t[i] / 2) / Math.sqrt(2 * Math.PI);
            mean += weight * v[i];
            square += weight * v[i] * v[i];
        }
        return new double[]{mean, square};
    }
}
