package io.trainscope.core.monitors;

import io.trainscope.api.monitor.Histogram;

/** Statistics computed by hand, in double precision, from arrays the capture monitor copied. */
final class Hand {

    private Hand() {
    }

    /** The population variance of all entries. */
    static double variance(double[][] a) {
        double sum = 0;
        long n = 0;
        for (double[] row : a) {
            for (double x : row) {
                sum += x;
                n++;
            }
        }
        double mean = sum / n;
        double squares = 0;
        for (double[] row : a) {
            for (double x : row) {
                squares += (x - mean) * (x - mean);
            }
        }
        return squares / n;
    }

    /** The L2 norm of all entries. */
    static double norm(double[][] a) {
        double squares = 0;
        for (double[] row : a) {
            for (double x : row) {
                squares += x * x;
            }
        }
        return Math.sqrt(squares);
    }

    /** The value below which half of a histogram's counts lie, interpolated within its bin. */
    static double median(Histogram h) {
        double half = h.total() / 2.0;
        double before = 0;
        for (int i = 0; i < h.counts().length; i++) {
            long c = h.counts()[i];
            if (before + c >= half && c > 0) {
                double width = h.edges()[i + 1] - h.edges()[i];
                return h.edges()[i] + (half - before) / c * width;
            }
            before += c;
        }
        return h.edges()[h.edges().length - 1];
    }

    /** The share of a histogram's counts in bins lying entirely inside {@code [low, high]}. */
    static double shareWithin(Histogram h, double low, double high) {
        long inside = 0;
        for (int i = 0; i < h.counts().length; i++) {
            if (h.edges()[i] >= low && h.edges()[i + 1] <= high) {
                inside += h.counts()[i];
            }
        }
        return (double) inside / h.total();
    }
}
