package io.trainscope.plugins.activation;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Optional;

/**
 * The hyperbolic tangent {@code tanh(z)} with {@code tanh'(z) = 1 - tanh²(z)} ({@code tanh}).
 *
 * <p>Outputs with {@code |a| >= threshold} count as saturated (seed 002 counts {@code |a| > 0.99});
 * there {@code tanh' <= 1 - threshold²}. {@link #apply}, {@link #derivative} and {@link #backprop}
 * work in place on {@code z}.
 */
public final class TanhActivation implements Activation {

    static final ParameterSpec SATURATION_THRESHOLD = ParameterSpec.real("saturation-threshold", 0.99,
            "outputs with |a| at or above this count as saturated").greaterThan(0).lessThan(1);

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String description() {
        return "hyperbolic tangent; zero-centred, saturates towards -1 and 1";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(SATURATION_THRESHOLD);
    }

    @Override
    public INDArray apply(INDArray z, Parameters params) {
        return Transforms.tanh(z, false);
    }

    @Override
    public INDArray derivative(INDArray z, Parameters params) {
        INDArray a = Transforms.tanh(z, false);
        return a.muli(a).rsubi(1.0);
    }

    @Override
    public INDArray backprop(INDArray z, INDArray gradOut, Parameters params) {
        Nd4j.exec(new TanhDerivative(z, gradOut, z));
        return z;
    }

    @Override
    public FlatRegion flatRegion(Parameters params) {
        double t = params.real(SATURATION_THRESHOLD.name());
        return FlatRegion.outside(-t, t);
    }

    /** DL4J's {@code Activation.TANH}. */
    @Override
    public Optional<org.nd4j.linalg.activations.Activation> dl4jEquivalent(Parameters params) {
        return Optional.of(org.nd4j.linalg.activations.Activation.TANH);
    }
}
