package io.trainscope.core.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Decorates a hidden layer's activation so that an armed {@link ActivationTap} sees its
 * pre-activations (the input of {@link #getActivation}) and the gradient with respect to them
 * ({@code dL/dz}, the first array {@link #backprop} returns: whatever DL4J layer calls it, dense or
 * activation layer, this is exactly the delta its backward pass goes on with). A copy read back from DL4J's JSON or Java serialization has no tap and only
 * computes the activation.
 */
final class TappedActivation implements IActivation {
    private static final long serialVersionUID = 1L;

    @JsonProperty("activation")
    private final IActivation delegate;
    @JsonProperty("layer")
    private final int layer;
    private final transient ActivationTap tap;

    /** For DL4J's JSON reader. */
    private TappedActivation() {
        this(null, 0, null);
    }

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
        Pair<INDArray, INDArray> result = delegate.backprop(in, epsilon);
        if (tap != null) {
            tap.offerGradient(layer, result.getFirst());
        }
        return result;
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
