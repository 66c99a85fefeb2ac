package io.trainscope.plugins.normalization;

import io.trainscope.api.normalization.FeatureStatistics;
import io.trainscope.api.normalization.InputTransform;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Standardizes the inputs with the training split's statistics ({@code standardize}):
 * {@code x' = (x - mean) / (std + eps)}, so the network sees zero-centred inputs of unit scale.
 * With {@code scope: per-feature} (the default) every feature has its own mean and standard
 * deviation (seed 004); with {@code scope: global} one mean and one standard deviation over all
 * values of the training split serve every feature, as seeds 001 and 003 normalize images (a
 * pixel keeps its place relative to the others, and a border pixel that is always 0 is not
 * blown up). The global figures come from the per-feature ones: the mean of the feature means,
 * and the population variance {@code mean_j(std_j² + mean_j²) - mean²} over all values.
 *
 * <p>A feature that is constant on the training split ({@code std <= 1e-6 · max(1, |mean|)}, which
 * covers float rounding of a constant column) is only centred, {@code x' = x - mean}, as
 * scikit-learn's {@code StandardScaler} does: dividing by {@code eps} alone would turn a value the
 * training split never showed (a pixel that is always 0 in training) into an enormous input. The
 * transform returns a new array and leaves its argument unchanged.
 */
public final class StandardizeNormalizer implements Normalizer {

    static final ParameterSpec EPS = ParameterSpec.real("eps", 1e-8,
            "added to each feature's standard deviation before dividing").greaterThan(0);

    static final String PER_FEATURE = "per-feature";
    static final String GLOBAL = "global";
    static final ParameterSpec SCOPE = ParameterSpec.choice("scope", PER_FEATURE, List.of(PER_FEATURE, GLOBAL),
            "per-feature: a mean and std per input feature; global: one mean and std over all values of the training split");

    /** Relative std below which a training feature counts as constant (about 10 float32 ulps). */
    static final double CONSTANT_TOLERANCE = 1e-6;

    @Override
    public String name() {
        return "standardize";
    }

    @Override
    public String description() {
        return "input standardization (x - mean) / (std + eps) with training-split statistics, per feature or over all values";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(EPS, SCOPE);
    }

    @Override
    public Optional<InputTransform> inputTransform(FeatureStatistics training, Parameters params) {
        double eps = params.real(EPS.name());
        double[] mean = training.mean().toDoubleVector();
        double[] std = training.std().toDoubleVector();
        if (GLOBAL.equals(params.text(SCOPE.name()))) {
            double[] global = global(mean, std);
            Arrays.fill(mean, global[0]);
            Arrays.fill(std, global[1]);
        }
        double[] divisor = new double[std.length];
        for (int j = 0; j < std.length; j++) {
            boolean constant = std[j] <= CONSTANT_TOLERANCE * Math.max(1.0, Math.abs(mean[j]));
            divisor[j] = constant ? 1.0 : std[j] + eps;
        }
        // detached: the transform outlives any workspace the core may be in when it asks for it
        DataType type = training.mean().dataType();
        return Optional.of(new Standardization(
                Nd4j.createFromArray(mean).reshape(1, mean.length).castTo(type).detach(),
                Nd4j.createFromArray(divisor).reshape(1, divisor.length).castTo(type).detach()));
    }

    /**
     * One mean and population standard deviation over all values, from per-feature ones over the
     * same examples: {@code m = mean_j(mean_j)}, {@code var = mean_j(std_j² + mean_j²) - m²}.
     */
    static double[] global(double[] mean, double[] std) {
        double sum = 0;
        double squares = 0;
        for (int j = 0; j < mean.length; j++) {
            sum += mean[j];
            squares += std[j] * std[j] + mean[j] * mean[j];
        }
        double m = sum / mean.length;
        double variance = Math.max(0, squares / mean.length - m * m);
        return new double[]{m, Math.sqrt(variance)};
    }

    /** {@code (x - mean) / divisor} row by row, computed in the features' own data type. */
    private record Standardization(INDArray mean, INDArray divisor) implements InputTransform {

        @Override
        public INDArray apply(INDArray features) {
            INDArray m = mean.castTo(features.dataType());
            INDArray d = divisor.castTo(features.dataType());
            return features.subRowVector(m).diviRowVector(d);
        }
    }
}
