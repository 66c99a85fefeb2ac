package io.trainscope.core.testplugins;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * Test initializer: every weight +0.5, except the incoming weights of the units listed in
 * {@code dead}, which are -0.5. With strictly positive inputs and zero biases, those units'
 * pre-activations are negative for every example, so a relu layer has exactly them dead.
 */
public final class DeadUnitsInitializer implements Initializer {

    @Override
    public String name() {
        return "test-dead-units";
    }

    @Override
    public String description() {
        return "test only: +0.5 weights, -0.5 into the listed units";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.realList("dead", List.of(), "indices of units to kill"));
    }

    @Override
    public void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random) {
        weights.assign(0.5);
        for (double unit : params.realList("dead")) {
            if (unit < fan.out()) {
                weights.get(NDArrayIndex.all(), NDArrayIndex.point((long) unit)).assign(-0.5);
            }
        }
    }
}
