package io.trainscope.plugins.activation;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Optional;

/**
 * The rectified linear unit {@code max(0, z)} with derivative 1 for {@code z > 0} and 0 for
 * {@code z <= 0} ({@code relu}).
 *
 * <p>An output of exactly 0 passes no gradient back, so its flat region is {@code a <= 0}: a unit
 * whose output is 0 for every example is dead (seed 003). {@link #apply}, {@link #derivative} and
 * {@link #backprop} work in place on {@code z}.
 */
public final class ReluActivation implements Activation {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String description() {
        return "max(0, z); units whose output is always 0 are dead";
    }

    @Override
    public INDArray apply(INDArray z, Parameters params) {
        return Transforms.relu(z, false);
    }

    @Override
    public INDArray derivative(INDArray z, Parameters params) {
        return Transforms.step(z, false);
    }

    @Override
    public INDArray backprop(INDArray z, INDArray gradOut, Parameters params) {
        Nd4j.exec(new RectifiedLinearDerivative(z, gradOut, z));
        return z;
    }

    @Override
    public FlatRegion flatRegion(Parameters params) {
        return FlatRegion.below(0.0);
    }

    /** DL4J's {@code Activation.RELU}. */
    @Override
    public Optional<org.nd4j.linalg.activations.Activation> dl4jEquivalent(Parameters params) {
        return Optional.of(org.nd4j.linalg.activations.Activation.RELU);
    }
}
