package io.trainscope.core.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An activation that can write {@code f(z)} and {@code dL/dz} into other arrays, leaving {@code z}
 * unchanged, so that {@link ReusingDenseLayerImpl} keeps {@code z} for the backward pass without a
 * copy (docs/performance.md, "Where the training step's time goes").
 */
interface OutOfPlaceActivation {

    /** {@code f(z)} into {@code out} (same shape, any memory order); returns {@code out}. */
    INDArray activateInto(INDArray z, INDArray out, boolean training);

    /** {@code dL/dz = f'(z) * epsilon} into {@code out}; returns {@code out}. */
    INDArray backpropInto(INDArray z, INDArray epsilon, INDArray out);
}
