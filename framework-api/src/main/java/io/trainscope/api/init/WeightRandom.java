package io.trainscope.api.init;

import io.trainscope.api.StableApi;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The seeded random source an {@link Initializer} draws from. The core backs it with the
 * network's ND4J random generator, so a seed fixes every weight.
 */
@StableApi(since = "0.1")
public interface WeightRandom {

    /** Overwrites {@code target} with draws from N(mean, std²). */
    void normal(INDArray target, double mean, double std);

    /** Overwrites {@code target} with draws from U(low, high). */
    void uniform(INDArray target, double low, double high);

    /**
     * Overwrites {@code target} with draws from N(mean, std²) truncated to two standard
     * deviations around the mean (redrawn, not clipped).
     */
    void truncatedNormal(INDArray target, double mean, double std);
}
