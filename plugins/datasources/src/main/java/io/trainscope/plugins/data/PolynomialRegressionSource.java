package io.trainscope.plugins.data;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.data.DataException;
import io.trainscope.api.data.DataSource;
import io.trainscope.api.data.Examples;
import io.trainscope.api.data.LoadedData;
import io.trainscope.api.data.Task;
import io.trainscope.api.plugin.ParameterException;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.plugins.data.internal.Matrices;
import io.trainscope.plugins.data.internal.Seeds;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seed 004's {@code tensorGenReg}: a polynomial of N(0, 1) inputs plus Gaussian noise
 * ({@code polynomial-regression}).
 *
 * <p>With {@code bias: true} (the default) the last weight is the intercept: there are
 * {@code k = len(weights) - 1} inputs {@code x ~ N(0, 1)} and
 * <pre>y = (x^degree) · weights[0..k-1] + weights[k] + noise · N(0, 1)</pre>
 * and, as in the original, the features are {@code x} with a column of ones appended
 * ({@code k + 1} columns). With {@code bias: false} there are {@code k = len(weights)} inputs,
 * {@code y = (x^degree) · weights + noise · N(0, 1)} and the features are {@code x}. The power is
 * element-wise. The target is one column (regression with one output).
 *
 * <h2>Randomness</h2>
 * One {@link SplittableRandom} seeded with the seed is split into two streams, for the inputs and
 * for the noise, so changing {@code noise} scales the same noise draws and leaves the inputs alone.
 * {@code y} is computed in double precision from the float32 inputs actually returned.
 */
public final class PolynomialRegressionSource implements DataSource {

    static final ParameterSpec WEIGHTS = ParameterSpec.realList("weights", List.of(2.0, -1.0, 1.0),
            "true coefficients; with bias the last one is the intercept");
    static final ParameterSpec BIAS = ParameterSpec.bool("bias", true,
            "the last weight is an intercept and a column of ones is appended to the features");
    static final ParameterSpec DEGREE = ParameterSpec.integer("degree", 1, "element-wise power of the inputs")
            .between(1, 20);
    static final ParameterSpec NOISE = ParameterSpec.real("noise", 0.01, "standard deviation of the Gaussian noise")
            .atLeast(0);
    static final ParameterSpec SAMPLES = ParameterSpec.integer("samples", 1000, "number of examples")
            .between(1, 100_000_000);

    @Override
    public String name() {
        return "polynomial-regression";
    }

    @Override
    public String description() {
        return "y = (x^degree)·w + b + noise for N(0,1) inputs (seed 004's tensorGenReg)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(WEIGHTS, BIAS, DEGREE, NOISE, SAMPLES, Seeds.SPEC);
    }

    @Override
    public void validate(Parameters params) {
        List<Double> weights = params.realList(WEIGHTS.name());
        boolean bias = params.bool(BIAS.name());
        int needed = bias ? 2 : 1;
        if (weights.size() < needed) {
            throw new ParameterException(WEIGHTS.name(), bias
                    ? "needs at least two numbers with bias: true (input weights, then the intercept); got " + weights
                    : "needs at least one number; got " + weights);
        }
        for (Double w : weights) {
            if (w == null || !Double.isFinite(w)) {
                throw new ParameterException(WEIGHTS.name(), "must be finite numbers; got " + weights);
            }
        }
        if (!Double.isFinite(params.real(NOISE.name()))) {
            throw new ParameterException(NOISE.name(), "must be a finite number >= 0; got " + params.real(NOISE.name()));
        }
        long values = (long) params.integer(SAMPLES.name()) * weights.size();
        if (values > Matrices.MAX_ARRAY_LENGTH) {
            throw new ParameterException(SAMPLES.name(), "samples x feature columns must be at most "
                    + Matrices.MAX_ARRAY_LENGTH + " (got " + values + ")");
        }
    }

    @Override
    public LoadedData load(Parameters params, DataContext context) {
        validate(params);
        List<Double> weights = params.realList(WEIGHTS.name());
        boolean bias = params.bool(BIAS.name());
        int degree = params.integer(DEGREE.name());
        double noise = params.real(NOISE.name());
        int n = params.integer(SAMPLES.name());
        int inputs = bias ? weights.size() - 1 : weights.size();
        int columns = bias ? inputs + 1 : inputs;
        double intercept = bias ? weights.get(inputs) : 0.0;

        SplittableRandom root = new SplittableRandom(Seeds.resolve(params, context));
        SplittableRandom inputRandom = root.split();
        SplittableRandom noiseRandom = root.split();

        float[] features = Matrices.allocate(n, columns, name() + ": " + n + " examples of " + columns + " features");
        float[] targets = new float[n];
        for (int i = 0; i < n; i++) {
            double y = intercept;
            for (int j = 0; j < inputs; j++) {
                float x = (float) inputRandom.nextGaussian();
                features[i * columns + j] = x;
                y += Math.pow(x, degree) * weights.get(j);
            }
            if (bias) {
                features[i * columns + inputs] = 1f;
            }
            targets[i] = (float) (y + noise * noiseRandom.nextGaussian());
            if (!Float.isFinite(targets[i])) {
                throw new DataException(name() + ": target of example " + i + " is " + targets[i]
                        + ", beyond float32; use smaller weights or a lower degree");
            }
        }
        return LoadedData.single(new Task.Regression(1),
                new Examples(Matrices.matrix(features, n, columns), Matrices.matrix(targets, n, 1)));
    }
}
