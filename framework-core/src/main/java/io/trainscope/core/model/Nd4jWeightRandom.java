package io.trainscope.core.model;

import io.trainscope.api.init.WeightRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.TruncatedNormalDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.Supplier;

/**
 * {@link WeightRandom} backed by ND4J's random generator, the one DL4J seeds from the network
 * configuration, so the network seed fixes every weight. Draws go straight into the target
 * (native random ops), with no host copies.
 */
public final class Nd4jWeightRandom implements WeightRandom {

    private final Supplier<Random> random;

    /** Uses ND4J's global generator of the calling thread, as DL4J's own initializers do. */
    public Nd4jWeightRandom() {
        this(Nd4j::getRandom);
    }

    /** Uses the given generator. */
    public Nd4jWeightRandom(Supplier<Random> random) {
        this.random = random;
    }

    @Override
    public void normal(INDArray target, double mean, double std) {
        Nd4j.getExecutioner().exec(new GaussianDistribution(target, mean, std), random.get());
    }

    @Override
    public void uniform(INDArray target, double low, double high) {
        Nd4j.getExecutioner().exec(new UniformDistribution(target, low, high), random.get());
    }

    @Override
    public void truncatedNormal(INDArray target, double mean, double std) {
        Nd4j.getExecutioner().exec(new TruncatedNormalDistribution(target, mean, std), random.get());
    }
}
