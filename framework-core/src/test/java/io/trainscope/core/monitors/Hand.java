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

    /** {@code a · b^T} for {@code a [n][k]} and {@code b [m][k]}: {@code [n][m]}. */
    static double[][] timesTransposed(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double sum = 0;
                for (int k = 0; k < b[j].length; k++) {
                    sum += a[i][k] * b[j][k];
                }
                out[i][j] = sum;
            }
        }
        return out;
    }

    /**
     * Backpropagation by hand, in double precision: each layer's dL/dz of the mean loss, from the
     * output's {@code dOut} back through the weights {@code [fanIn][units]} and each hidden layer's
     * derivative {@code f'(z)} applied to its pre-activations.
     */
    static java.util.List<double[][]> backprop(double[][] dOut, java.util.List<double[][]> weights,
                                              java.util.List<double[][]> preActivations,
                                              java.util.function.DoubleUnaryOperator derivative) {
        int n = weights.size();
        double[][][] dz = new double[n][][];
        dz[n - 1] = dOut;
        for (int l = n - 2; l >= 0; l--) {
            double[][] da = timesTransposed(dz[l + 1], weights.get(l + 1));
            double[][] z = preActivations.get(l);
            for (int i = 0; i < da.length; i++) {
                for (int j = 0; j < da[i].length; j++) {
                    da[i][j] *= derivative.applyAsDouble(z[i][j]);
                }
            }
            dz[l] = da;
        }
        return java.util.List.of(dz);
    }

    /** The largest absolute difference between two arrays, relative to the largest absolute entry of {@code expected}. */
    static double relativeError(double[][] actual, double[][] expected) {
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                scale = Math.max(scale, Math.abs(expected[i][j]));
                worst = Math.max(worst, Math.abs(actual[i][j] - expected[i][j]));
            }
        }
        return worst / scale;
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
