package io.trainscope.plugins.data;

import io.trainscope.api.data.DataContext;
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
 * Seed 000's random data: features drawn from N(0, 1), labels either uniformly random or given
 * by a random linear rule ({@code gaussian-classification}).
 *
 * <p>With {@code labels: random} every example's class is drawn uniformly from
 * {@code 0..classes-1} independently of its features (numpy's {@code randint(classes, size=n)}),
 * so there is nothing to learn but the training set by heart. With {@code labels: linear} a
 * weight matrix {@code W [features, classes]} is drawn from N(0, 1) and each example's class is
 * {@code argmax(x·W)}; for two classes this is a random hyperplane through the origin, so the
 * data is linearly separable.
 *
 * <h2>Randomness</h2>
 * One {@link SplittableRandom} seeded with the seed is split into three independent streams, for
 * the features, for {@code W} and for random labels, in that order. The features therefore do not
 * depend on the labelling rule: the same seed gives the same inputs under both.
 */
public final class GaussianClassificationSource implements DataSource {

    static final ParameterSpec SAMPLES = ParameterSpec.integer("samples", 1000, "number of examples")
            .between(1, 100_000_000);
    static final ParameterSpec FEATURES = ParameterSpec.integer("features", 50, "number of input features")
            .between(1, 1_000_000);
    static final ParameterSpec CLASSES = ParameterSpec.integer("classes", 2, "number of classes").between(2, 10_000);
    static final ParameterSpec LABELS = ParameterSpec.choice("labels", "random", List.of("random", "linear"),
            "random: a uniform random class per example; linear: argmax of x·W for a random W");

    @Override
    public String name() {
        return "gaussian-classification";
    }

    @Override
    public String description() {
        return "random N(0,1) features with random or linearly separable class labels (seed 000)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(SAMPLES, FEATURES, CLASSES, LABELS, Seeds.SPEC);
    }

    @Override
    public void validate(Parameters params) {
        long values = (long) params.integer(SAMPLES.name()) * params.integer(FEATURES.name());
        if (values > Matrices.MAX_ARRAY_LENGTH) {
            throw new ParameterException(SAMPLES.name(), "samples x features must be at most "
                    + Matrices.MAX_ARRAY_LENGTH + " (got " + values + ")");
        }
    }

    @Override
    public LoadedData load(Parameters params, DataContext context) {
        validate(params);
        int n = params.integer(SAMPLES.name());
        int d = params.integer(FEATURES.name());
        int classes = params.integer(CLASSES.name());
        boolean linear = "linear".equals(params.text(LABELS.name()));

        SplittableRandom root = new SplittableRandom(Seeds.resolve(params, context));
        SplittableRandom featureRandom = root.split();
        SplittableRandom weightRandom = root.split();
        SplittableRandom labelRandom = root.split();

        float[] x = Matrices.allocate(n, d, name() + ": " + n + " examples of " + d + " features");
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) featureRandom.nextGaussian();
        }
        float[] y = new float[n];
        if (linear) {
            double[] w = new double[d * classes];
            for (int i = 0; i < w.length; i++) {
                w[i] = weightRandom.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                y[i] = argmax(x, i * d, d, w, classes);
            }
        } else {
            for (int i = 0; i < n; i++) {
                y[i] = labelRandom.nextInt(classes);
            }
        }
        return LoadedData.single(Task.Classification.numbered(classes),
                new Examples(Matrices.matrix(x, n, d), Matrices.matrix(y, n, 1)));
    }

    /** The class c maximising row·W[:, c]; the first on ties. */
    private static int argmax(float[] x, int offset, int d, double[] w, int classes) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double score = 0;
            for (int j = 0; j < d; j++) {
                score += x[offset + j] * w[j * classes + c];
            }
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }
}
