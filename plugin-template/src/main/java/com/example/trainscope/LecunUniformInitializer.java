package com.example.trainscope;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * LeCun uniform initialization ({@code lecun-uniform}): U(-b, b) with {@code b = gain · sqrt(3 / fanIn)},
 * so the mean is 0 and the variance {@code gain² / fanIn} (LeCun et al., "Efficient BackProp", 1998).
 */
public final class LecunUniformInitializer implements Initializer {

    static final ParameterSpec GAIN = ParameterSpec.real("gain", 1.0, "multiplier of the bound").greaterThan(0);

    @Override
    public String name() {
        return "lecun-uniform";
    }

    @Override
    public String description() {
        return "U(-b, b), b = gain·sqrt(3/fanIn): variance gain²/fanIn";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(GAIN);
    }

    @Override
    public void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random) {
        double bound = params.real(GAIN.name()) * Math.sqrt(3.0 / fan.in());
        random.uniform(weights, -bound, bound);
    }
}
