package io.trainscope.plugins.init;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Optional;

/**
 * He (Kaiming) uniform initialization ({@code he-uniform}), as PyTorch's {@code kaiming_uniform_}:
 * U(-b, b) with {@code b = gain · sqrt(3 / fan)}, {@code gain = sqrt(2 / (1 + negativeSlope²))}
 * and {@code fan} the fan-in or fan-out named by {@code fan-mode}.
 *
 * <p>Its variance b²/3 = gain²/fan equals that of {@link HeNormalInitializer}.
 */
public final class HeUniformInitializer implements Initializer {

    @Override
    public String name() {
        return "he-uniform";
    }

    @Override
    public String description() {
        return "Kaiming uniform: U(-b, b), b = gain · sqrt(3/fan), gain = sqrt(2/(1+negative-slope²))";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return Scaling.HE_PARAMETERS;
    }

    @Override
    public void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random) {
        double b = Scaling.heUniformBound(fan.byMode(params.text(Scaling.FAN_MODE.name())),
                params.real(Scaling.NEGATIVE_SLOPE.name()));
        random.uniform(weights, -b, b);
    }

    /** DL4J's {@code WeightInit.RELU_UNIFORM}, with fan-mode in and negative-slope 0. */
    @Override
    public Optional<WeightInit> dl4jEquivalent(Parameters params) {
        return "in".equals(params.text(Scaling.FAN_MODE.name())) && params.real(Scaling.NEGATIVE_SLOPE.name()) == 0.0 ? Optional.of(WeightInit.RELU_UNIFORM) : Optional.empty();
    }
}
