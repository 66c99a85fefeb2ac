package io.trainscope.testkit;

import io.trainscope.api.init.WeightRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.TruncatedNormalDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link WeightRandom} with its own seeded ND4J generator, drawing with the same native random
 * operations as the one the core hands to an initializer: what an initializer's test passes to
 * {@code fill}. Two instances with one seed give the same draws, whatever else uses ND4J's global
 * generator in between.
 *
 * <pre>{@code
 * INDArray w = Nd4j.create(DataType.FLOAT, 256, 1024);
 * new MyInitializer().fill(w, new Fan(256, 1024), Parameters.defaults(init), new SeededWeightRandom(42));
 * }</pre>
 */
public final class SeededWeightRandom implements WeightRandom {

    private final Random rng;

    /** A generator of its own, seeded with {@code seed}. */
    public SeededWeightRandom(long seed) {
        this.rng = Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    @Override
    public void normal(INDArray target, double mean, double std) {
        Nd4j.getExecutioner().exec(new GaussianDistribution(target, mean, std), rng);
    }

    @Override
    public void uniform(INDArray target, double low, double high) {
        Nd4j.getExecutioner().exec(new UniformDistribution(target, low, high), rng);
    }

    @Override
    public void truncatedNormal(INDArray target, double mean, double std) {
        Nd4j.getExecutioner().exec(new TruncatedNormalDistribution(target, mean, std), rng);
    }
}
