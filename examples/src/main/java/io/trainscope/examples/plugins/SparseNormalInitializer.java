package io.trainscope.examples.plugins;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Sparse normal initialization ({@code sparse-normal}), an example plugin that lives only in the
 * examples module: each weight is kept with probability {@code density} and then drawn from
 * N(0, gain² / (density · fanIn)), otherwise it is 0. The mean is 0 and the variance
 * {@code gain² / fanIn}, LeCun's (He's with {@code gain = sqrt(2)}): a unit sees about
 * {@code density · fanIn} inputs, each larger in proportion, so the signal keeps its scale while
 * units start out looking at different subsets of their inputs (Martens 2010 keeps a fixed count
 * per unit; a Bernoulli mask is the one-line version).
 *
 * <p>All randomness comes from the given {@link WeightRandom}: the mask is a uniform draw
 * compared with {@code density}, so one seed gives one network.
 */
public final class SparseNormalInitializer implements Initializer {

    static final ParameterSpec DENSITY = ParameterSpec.real("density", 0.25,
            "probability that a weight is non-zero").greaterThan(0).atMost(1);
    static final ParameterSpec GAIN = ParameterSpec.real("gain", 1.0,
            "multiplier of the standard deviation (sqrt(2) for relu)").greaterThan(0);

    @Override
    public String name() {
        return "sparse-normal";
    }

    @Override
    public String description() {
        return "each weight non-zero with probability density, N(0, gain²/(density·fanIn)): variance gain²/fanIn (example plugin)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(DENSITY, GAIN);
    }

    @Override
    public void fill(INDArray weights, Fan fan, Parameters params, WeightRandom random) {
        double density = params.real(DENSITY.name());
        double gain = params.real(GAIN.name());
        random.normal(weights, 0.0, gain / Math.sqrt(density * fan.in()));
        if (density < 1) {
            INDArray draw = weights.ulike();
            random.uniform(draw, 0.0, 1.0);
            weights.muli(draw.lt(density).castTo(weights.dataType()));
        }
    }
}
