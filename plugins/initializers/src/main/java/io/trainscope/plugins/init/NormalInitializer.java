package io.trainscope.plugins.init;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Draws every weight from N(mean, std²), independent of the layer's fans ({@code normal}).
 *
 * <p>This is literally N(mean, std²), the seeds' {@code randn * std}: with the default std 1 it
 * is the initialization that saturates deep sigmoid networks (seed 000). It is not DL4J's
 * {@code WeightInit.NORMAL}, which is N(0, 1/fanIn).
 */
public final class NormalInitializer implements Initializer {

    static final ParameterSpec MEAN = ParameterSpec.real("mean", 0.0, "mean of the normal distribution");
    static final ParameterSpec STD = ParameterSpec.real("std", 1.0, "standard deviation of the normal distribution")
            .greaterThan(0);

    @Override
    public String name() {
        return "normal";
    }

    @Override
    public String description() {
        return "N(mean, std²) regardless of the layer's size";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(MEAN, STD);
    }

    @Override
    public void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random) {
        random.normal(weights, params.real(MEAN.name()), params.real(STD.name()));
    }
}
