package io.trainscope.plugins.init;

import io.trainscope.api.init.WeightRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.TruncatedNormalDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** A {@link WeightRandom} backed by its own seeded ND4J generator, as the core's is. */
final class SeededWeightRandom implements WeightRandom {

    private final Random rng;

    SeededWeightRandom(long seed) {
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
