package io.trainscope.plugins.init;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.Parameters;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Optional;

/**
 * LeCun normal initialization ({@code lecun-normal}): N(0, 1/fanIn), which keeps the variance of
 * a linear layer's output equal to that of its input (and is what SELU networks expect).
 */
public final class LecunNormalInitializer implements Initializer {

    @Override
    public String name() {
        return "lecun-normal";
    }

    @Override
    public String description() {
        return "LeCun normal: N(0, 1/fanIn)";
    }

    @Override
    public void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random) {
        random.normal(weights, 0.0, Math.sqrt(1.0 / fan.in()));
    }

    /** DL4J's {@code WeightInit.LECUN_NORMAL}. */
    @Override
    public Optional<WeightInit> dl4jEquivalent(Parameters params) {
        return Optional.of(WeightInit.LECUN_NORMAL);
    }
}
