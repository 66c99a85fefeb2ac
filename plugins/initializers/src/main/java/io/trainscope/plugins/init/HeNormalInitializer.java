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
 * He (Kaiming) normal initialization ({@code he-normal}), as PyTorch's {@code kaiming_normal_}:
 * N(0, std²) with {@code std = gain / sqrt(fan)}, {@code gain = sqrt(2 / (1 + negativeSlope²))}
 * and {@code fan} the fan-in or fan-out named by {@code fan-mode}.
 *
 * <p>With the defaults (ReLU, fan-in) the variance is 2/fanIn, seed 001's cure for exploding logits.
 */
public final class HeNormalInitializer implements Initializer {

    @Override
    public String name() {
        return "he-normal";
    }

    @Override
    public String description() {
        return "Kaiming normal: N(0, gain²/fan), gain = sqrt(2/(1+negative-slope²))";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return Scaling.HE_PARAMETERS;
    }

    @Override
    public void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random) {
        random.normal(weights, 0.0, Scaling.heStd(fan, params));
    }

    /** DL4J's {@code WeightInit.RELU}, with fan-mode in and negative-slope 0. */
    @Override
    public Optional<WeightInit> dl4jEquivalent(Parameters params) {
        return "in".equals(params.text(Scaling.FAN_MODE.name())) && params.real(Scaling.NEGATIVE_SLOPE.name()) == 0.0 ? Optional.of(WeightInit.RELU) : Optional.empty();
    }
}
