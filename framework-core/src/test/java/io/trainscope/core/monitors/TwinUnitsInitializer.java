package io.trainscope.core.monitors;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * Test initializer: N(0, 1/fanIn) weights, except that unit {@code copy-to} gets the incoming
 * weights of unit {@code copy-from}, so every layer wide enough has exactly one pair of twins.
 */
public final class TwinUnitsInitializer implements Initializer {

    @Override
    public String name() {
        return "test-twin-units";
    }

    @Override
    public String description() {
        return "test only: random weights with one unit copying another";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("copy-from", 0, "the unit copied").atLeast(0),
                ParameterSpec.integer("copy-to", 1, "the unit that becomes its twin").atLeast(0));
    }

    @Override
    public void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random) {
        random.normal(weights, 0.0, 1.0 / Math.sqrt(fan.in()));
        long from = params.integer("copy-from");
        long to = params.integer("copy-to");
        if (from < fan.out() && to < fan.out()) {
            weights.get(NDArrayIndex.all(), NDArrayIndex.point(to))
                    .assign(weights.get(NDArrayIndex.all(), NDArrayIndex.point(from)));
        }
    }
}
