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
 * Glorot and Bengio's normal initialization ({@code xavier-normal}): N(0, gain² · 2/(fanIn+fanOut)),
 * as PyTorch's {@code xavier_normal_}.
 *
 * <p>The variance 2/(fanIn+fanOut) compromises between keeping activation variances (1/fanIn)
 * and gradient variances (1/fanOut) constant from layer to layer, for tanh- and sigmoid-like units.
 */
public final class XavierNormalInitializer implements Initializer {

    @Override
    public String name() {
        return "xavier-normal";
    }

    @Override
    public String description() {
        return "Glorot normal: N(0, gain² · 2/(fanIn+fanOut))";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Scaling.GAIN);
    }

    @Override
    public void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random) {
        double std = params.real(Scaling.GAIN.name()) * Math.sqrt(2.0 / Scaling.glorotFanSum(fan));
        random.normal(weights, 0.0, std);
    }

    /** DL4J's {@code WeightInit.XAVIER}, with gain 1. */
    @Override
    public Optional<WeightInit> dl4jEquivalent(Parameters params) {
        return params.real(Scaling.GAIN.name()) == 1.0 ? Optional.of(WeightInit.XAVIER) : Optional.empty();
    }
}
