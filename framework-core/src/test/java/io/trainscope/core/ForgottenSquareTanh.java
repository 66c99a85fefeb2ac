package io.trainscope.core;

import io.trainscope.api.plugin.Parameters;
import io.trainscope.api.activation.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A test activation with a wrong derivative: tanh whose derivative forgets the square ({@code 1 - tanh}
 * instead of {@code 1 - tanh²}), for the gradient checks that must catch it.
 */
public final class ForgottenSquareTanh implements Activation {
    @Override
    public String name() {
        return "forgotten-square-tanh";
    }

    @Override
    public String description() {
        return "tanh with a wrong derivative";
    }

    @Override
    public INDArray apply(INDArray z, Parameters params) {
        return Transforms.tanh(z, false);
    }

    @Override
    public INDArray derivative(INDArray z, Parameters params) {
        return Transforms.tanh(z, false).rsubi(1.0);
    }
}
