package io.trainscope.plugins.activation;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Optional;

/**
 * The logistic sigmoid {@code σ(z) = 1 / (1 + e^(-z))} with {@code σ'(z) = σ(z)(1 - σ(z))}
 * ({@code sigmoid}).
 *
 * <p>Its derivative is at most 1/4, so gradients shrink through every layer of a deep sigmoid
 * network (seed 000). Outputs at or below {@code eps} or at or above {@code 1 - eps} count as
 * saturated; there {@code σ' <= eps(1 - eps)}. {@link #apply}, {@link #derivative} and
 * {@link #backprop} work in place on {@code z}.
 */
public final class SigmoidActivation implements Activation {

    static final ParameterSpec SATURATION_EPS = ParameterSpec.real("saturation-eps", 0.01,
            "outputs within this distance of 0 or 1 count as saturated").greaterThan(0).lessThan(0.5);

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String description() {
        return "logistic 1/(1+e^-z); saturates towards 0 and 1";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(SATURATION_EPS);
    }

    @Override
    public INDArray apply(INDArray z, Parameters params) {
        return Transforms.sigmoid(z, false);
    }

    @Override
    public INDArray derivative(INDArray z, Parameters params) {
        return Transforms.sigmoidDerivative(z, false);
    }

    @Override
    public INDArray backprop(INDArray z, INDArray gradOut, Parameters params) {
        Nd4j.exec(new SigmoidDerivative(z, gradOut, z));
        return z;
    }

    @Override
    public FlatRegion flatRegion(Parameters params) {
        double eps = params.real(SATURATION_EPS.name());
        return FlatRegion.outside(eps, 1 - eps);
    }

    /** DL4J's {@code Activation.SIGMOID}. */
    @Override
    public Optional<org.nd4j.linalg.activations.Activation> dl4jEquivalent(Parameters params) {
        return Optional.of(org.nd4j.linalg.activations.Activation.SIGMOID);
    }
}
