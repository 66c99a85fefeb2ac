package io.trainscope.plugins.init;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What PyTorch's {@code nn.Linear.reset_parameters} does ({@code torch-default}): weights from
 * {@code kaiming_uniform_(a = sqrt(5))}, i.e. U(-b, b) with
 * {@code b = sqrt(2 / (1 + 5)) · sqrt(3 / fanIn) = 1 / sqrt(fanIn)}, and biases from
 * U(-1/sqrt(fanIn), 1/sqrt(fanIn)).
 *
 * <p>Both have variance 1/(3 · fanIn), a third of LeCun's: a network ported from PyTorch without
 * an explicit initializer starts from this, not from DL4J's default.
 */
public final class TorchDefaultInitializer implements Initializer {

    /** PyTorch's {@code a} argument in {@code nn.Linear.reset_parameters}. */
    private static final double TORCH_NEGATIVE_SLOPE = Math.sqrt(5.0);

    @Override
    public String name() {
        return "torch-default";
    }

    @Override
    public String description() {
        return "PyTorch nn.Linear default: weights and biases U(-1/sqrt(fanIn), 1/sqrt(fanIn))";
    }

    @Override
    public void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random) {
        double b = Scaling.heUniformBound(fan.in(), TORCH_NEGATIVE_SLOPE);
        random.uniform(weights, -b, b);
    }

    @Override
    public void fillBias(INDArray bias, Fan fan, Parameters params, WeightRandom random) {
        double bound = 1.0 / Math.sqrt(fan.in());
        random.uniform(bias, -bound, bound);
    }
}
