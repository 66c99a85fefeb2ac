package io.trainscope.report;

import io.trainscope.api.monitor.Histogram;

/**
 * One violin's outline from a histogram: at each bin's centre, the bin's density (count over
 * width) lightly smoothed (weights 1, 2, 1) and scaled so that the widest point is 1; plus the
 * quartiles, interpolated within their bins.
 *
 * @param y      the value at each point of the outline, ascending, from the first edge to the last
 * @param width  the relative half-width at each point, in [0, 1]
 * @param q1     the 25th percentile
 * @param median the 50th percentile
 * @param q3     the 75th percentile
 */
record ViolinShape(double[] y, double[] width, double q1, double median, double q3) {

    /** The shape of a histogram with at least one count, or null. */
    static ViolinShape of(Histogram h) {
        double[] e = h.edges();
        long[] c = h.counts();
        int n = c.length;
        if (h.total() == 0 || n == 0) {
            return null;
        }
        double[] density = new double[n];
        for (int k = 0; k < n; k++) {
            double w = e[k + 1] - e[k];
            density[k] = w > 0 ? c[k] / w : c[k];
        }
        double[] smooth = new double[n];
        double max = 0;
        for (int k = 0; k < n; k++) {
            double left = k > 0 ? density[k - 1] : 0;
            double right = k < n - 1 ? density[k + 1] : 0;
            smooth[k] = (left + 2 * density[k] + right) / 4;
            max = Math.max(max, smooth[k]);
        }
        double[] y = new double[n + 2];
        double[] width = new double[n + 2];
        y[0] = e[0];
        y[n + 1] = e[n];
        for (int k = 0; k < n; k++) {
            y[k + 1] = (e[k] + e[k + 1]) / 2;
            width[k + 1] = max > 0 ? smooth[k] / max : 0;
        }
        return new ViolinShape(y, width, quantile(h, 0.25), quantile(h, 0.5), quantile(h, 0.75));
    }

    /** The {@code level} quantile of a histogram, linear within its bin. */
    static double quantile(Histogram h, double level) {
        double target = level * h.total();
        double seen = 0;
        long[] c = h.counts();
        double[] e = h.edges();
        for (int k = 0; k < c.length; k++) {
            if (c[k] > 0 && seen + c[k] >= target) {
                return e[k] + (e[k + 1] - e[k]) * (target - seen) / c[k];
            }
            seen += c[k];
        }
        return e[e.length - 1];
    }
}
