package io.trainscope.plugins.init;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.Parameters;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Optional;

/**
 * Sets every weight to 0 ({@code zeros}).
 *
 * <p>All units of a layer then compute the same function and receive the same gradient, so they
 * never become different (seed 004's symmetry problem); it exists to demonstrate that failure.
 */
public final class ZerosInitializer implements Initializer {

    @Override
    public String name() {
        return "zeros";
    }

    @Override
    public String description() {
        return "all weights 0 (units stay symmetric; for demonstrations)";
    }

    @Override
    public void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random) {
        weights.assign(0.0);
    }

    /** DL4J's {@code WeightInit.ZERO}. */
    @Override
    public Optional<WeightInit> dl4jEquivalent(Parameters params) {
        return Optional.of(WeightInit.ZERO);
    }
}
