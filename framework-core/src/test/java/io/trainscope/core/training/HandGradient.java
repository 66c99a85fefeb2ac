package io.trainscope.core.training;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.Examples;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.testplugins.FormulaInitializer;
import io.trainscope.core.testplugins.PositiveDataSource;

import java.nio.file.Path;
import java.util.Map;

/**
 * The gradient of a one-hidden-layer linear network (identity activations, mean squared error,
 * {@link FormulaInitializer} weights, zero biases) computed by hand in double precision, from the
 * same examples {@link PositiveDataSource} generates.
 */
final class HandGradient {

    private HandGradient() {
    }

    /** The weight-gradient norms of the hidden layer and the output layer. */
    static double[] norms(long seed, int samples, int features, int hidden) {
        PositiveDataSource source = new PositiveDataSource();
        Examples data = source.load(Parameters.resolve(source, Map.of("samples", samples, "features", features,
                "task", "regression")), new DataContext(seed, Path.of(""), Path.of(""))).parts().get("all");
        double[][] x = new double[samples][features];
        double[] y = new double[samples];
        for (int n = 0; n < samples; n++) {
            for (int i = 0; i < features; i++) {
                x[n][i] = data.features().getDouble(n, i);
            }
            y[n] = data.targets().getDouble(n, 0);
        }
        double[][] w1 = new double[features][hidden];
        for (int i = 0; i < features; i++) {
            for (int j = 0; j < hidden; j++) {
                w1[i][j] = FormulaInitializer.weight(i, j, hidden);
            }
        }
        double[] w2 = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            w2[j] = FormulaInitializer.weight(j, 0, 1);
        }
        double[][] g1 = new double[features][hidden];
        double[] g2 = new double[hidden];
        for (int n = 0; n < samples; n++) {
            double[] h = new double[hidden];
            double out = 0;
            for (int j = 0; j < hidden; j++) {
                for (int i = 0; i < features; i++) {
                    h[j] += x[n][i] * w1[i][j];
                }
                out += h[j] * w2[j];
            }
            double dOut = 2 * (out - y[n]) / samples;      // d/d out of mean (out - y)^2
            for (int j = 0; j < hidden; j++) {
                g2[j] += h[j] * dOut;
                for (int i = 0; i < features; i++) {
                    g1[i][j] += x[n][i] * dOut * w2[j];
                }
            }
        }
        double n1 = 0;
        for (double[] row : g1) {
            for (double v : row) {
                n1 += v * v;
            }
        }
        double n2 = 0;
        for (double v : g2) {
            n2 += v * v;
        }
        return new double[]{Math.sqrt(n1), Math.sqrt(n2)};
    }
}
