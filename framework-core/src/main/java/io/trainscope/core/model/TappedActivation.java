package io.trainscope.core.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Decorates a hidden layer's activation so that an armed {@link ActivationTap} sees its pre-activations. */
final class TappedActivation implements IActivation {
    private static final long serialVersionUID = 1L;

    private final IActivation delegate;
    private final int layer;
    private final transient ActivationTap tap;

    TappedActivation(IActivation delegate, int layer, ActivationTap tap) {
        this.delegate = delegate;
        this.layer = layer;
        this.tap = tap;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        if (training && tap != null) {
            tap.offer(layer, in);
        }
        return delegate.getActivation(in, training);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        return delegate.backprop(in, epsilon);
    }

    @Override
    public int numParams(int inputSize) {
        return delegate.numParams(inputSize);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
