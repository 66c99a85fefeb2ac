package io.trainscope.plugins.activation;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Optional;

/**
 * The identity {@code f(z) = z} with {@code f'(z) = 1} ({@code identity}): a linear layer, with no
 * flat region. {@link #apply} returns {@code z} itself; {@link #derivative} and {@link #backprop}
 * overwrite {@code z}.
 */
public final class IdentityActivation implements Activation {

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public String description() {
        return "f(z) = z; no non-linearity (linear layers, regression outputs)";
    }

    @Override
    public INDArray apply(INDArray z, Parameters params) {
        return z;
    }

    @Override
    public INDArray derivative(INDArray z, Parameters params) {
        return z.assign(1.0);
    }

    @Override
    public INDArray backprop(INDArray z, INDArray gradOut, Parameters params) {
        return z.assign(gradOut);
    }

    /** DL4J's {@code Activation.IDENTITY}. */
    @Override
    public Optional<org.nd4j.linalg.activations.Activation> dl4jEquivalent(Parameters params) {
        return Optional.of(org.nd4j.linalg.activations.Activation.IDENTITY);
    }
}
