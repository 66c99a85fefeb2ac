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
 * Glorot and Bengio's uniform initialization ({@code xavier-uniform}): U(-a, a) with
 * {@code a = gain · sqrt(6/(fanIn+fanOut))}, as PyTorch's {@code xavier_uniform_}.
 *
 * <p>Its variance a²/3 = gain² · 2/(fanIn+fanOut) equals that of {@link XavierNormalInitializer}.
 */
public final class XavierUniformInitializer implements Initializer {

    @Override
    public String name() {
        return "xavier-uniform";
    }

    @Override
    public String description() {
        return "Glorot uniform: U(-a, a), a = gain · sqrt(6/(fanIn+fanOut))";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Scaling.GAIN);
    }

    @Override
    public void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random) {
        double a = params.real(Scaling.GAIN.name()) * Math.sqrt(6.0 / Scaling.glorotFanSum(fan));
        random.uniform(weights, -a, a);
    }

    /** DL4J's {@code WeightInit.XAVIER_UNIFORM}, with gain 1. */
    @Override
    public Optional<WeightInit> dl4jEquivalent(Parameters params) {
        return params.real(Scaling.GAIN.name()) == 1.0 ? Optional.of(WeightInit.XAVIER_UNIFORM) : Optional.empty();
    }
}
