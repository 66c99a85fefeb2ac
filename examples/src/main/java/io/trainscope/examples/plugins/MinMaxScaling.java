package io.trainscope.examples.plugins;

import io.trainscope.api.normalization.FeatureStatistics;
import io.trainscope.api.normalization.InputTransform;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.plugin.ParameterException;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Optional;

/**
 * Min-max scaling of the inputs ({@code min-max}), an example normalizer that lives only in the
 * examples module: each feature is mapped linearly from its training-split range
 * {@code [min, max]} onto {@code [low, high]} (default [-1, 1]); a feature that is constant on the
 * training split is mapped to the middle, {@code (low + high) / 2}. Validation, test and
 * prediction inputs go through the same map, so they may fall outside {@code [low, high]}.
 */
public final class MinMaxScaling implements Normalizer {

    static final ParameterSpec LOW = ParameterSpec.real("low", -1.0, "where each feature's training minimum goes");
    static final ParameterSpec HIGH = ParameterSpec.real("high", 1.0, "where each feature's training maximum goes");

    @Override
    public String name() {
        return "min-max";
    }

    @Override
    public String description() {
        return "maps each input feature's training range [min, max] onto [low, high] (example plugin)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(LOW, HIGH);
    }

    @Override
    public void validate(Parameters params) {
        if (params.real(LOW.name()) >= params.real(HIGH.name())) {
            throw new ParameterException(LOW.name(), "must be below high (got " + params.real(LOW.name()) + " >= "
                    + params.real(HIGH.name()) + ")");
        }
    }

    @Override
    public Optional<InputTransform> inputTransform(FeatureStatistics training, Parameters params) {
        double low = params.real(LOW.name());
        double high = params.real(HIGH.name());
        double[] min = training.min().toDoubleVector();
        double[] max = training.max().toDoubleVector();
        double[] scale = new double[min.length];
        double[] shift = new double[min.length];
        for (int j = 0; j < min.length; j++) {
            scale[j] = max[j] > min[j] ? (high - low) / (max[j] - min[j]) : 0.0;
            shift[j] = max[j] > min[j] ? low - min[j] * scale[j] : (low + high) / 2;
        }
        // detached: the transform outlives any workspace the core may be in when it asks for it
        INDArray scales = row(scale, training.min());
        INDArray shifts = row(shift, training.min());
        return Optional.of(features -> features.muliRowVector(scales).addiRowVector(shifts));
    }

    private static INDArray row(double[] values, INDArray like) {
        return Nd4j.createFromArray(values).reshape(1, values.length).castTo(like.dataType()).detach();
    }
}
