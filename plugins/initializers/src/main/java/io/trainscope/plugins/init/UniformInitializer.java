package io.trainscope.plugins.init;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.ParameterException;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Draws every weight from U(low, high), independent of the layer's fans ({@code uniform}).
 *
 * <p>With a small range such as seed 000's U(-0.01, 0.01) the signal shrinks layer by layer and
 * the gradients of a deep network vanish. {@link #validate} requires {@code low < high}.
 */
public final class UniformInitializer implements Initializer {

    static final ParameterSpec LOW = ParameterSpec.real("low", -0.05, "lower end of the range");
    static final ParameterSpec HIGH = ParameterSpec.real("high", 0.05, "upper end of the range, > low");

    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public String description() {
        return "U(low, high) regardless of the layer's size";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(LOW, HIGH);
    }

    @Override
    public void validate(Parameters params) {
        double low = params.real(LOW.name());
        double high = params.real(HIGH.name());
        if (!(low < high)) {
            throw new ParameterException(HIGH.name(),
                    "must be greater than low (got high " + high + " <= low " + low + ")");
        }
    }

    @Override
    public void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random) {
        random.uniform(weights, params.real(LOW.name()), params.real(HIGH.name()));
    }
}
