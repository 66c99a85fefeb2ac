package io.trainscope.plugins.activation;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.EluBp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ELU;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * The exponential linear unit ({@code elu}): {@code z} for {@code z > 0}, {@code α(e^z - 1)}
 * otherwise (α = 1 by default, as PyTorch's {@code ELU}); {@code f'(z) = 1} or {@code α·e^z = f(z) + α}.
 * Computed with ND4J's native {@code elu} and {@code elu_bp} ops, which exponentiate only
 * {@code z <= 0}.
 *
 * <p>For large negative inputs the output approaches {@code -α} and the derivative vanishes, so
 * its flat region is {@code a <= min(ε - α, 0)}, where the derivative {@code a + α} is at most
 * {@code ε = saturation-slope}.
 */
public final class EluActivation implements Activation {

    static final ParameterSpec ALPHA = ParameterSpec.real("alpha", 1.0,
            "the value the output approaches for large negative z is -alpha").greaterThan(0);

    @Override
    public String name() {
        return "elu";
    }

    @Override
    public String description() {
        return "z for z > 0, alpha·(e^z - 1) otherwise; smooth negative side, saturates towards -alpha";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ALPHA, SaturationSlope.SPEC);
    }

    @Override
    public INDArray apply(INDArray z, Parameters params) {
        Nd4j.exec(new ELU(z, z, alpha(params)));
        return z;
    }

    @Override
    public INDArray derivative(INDArray z, Parameters params) {
        return backprop(z, Nd4j.onesLike(z), params);
    }

    @Override
    public INDArray backprop(INDArray z, INDArray gradOut, Parameters params) {
        Nd4j.exec(new EluBp(z, gradOut, z, alpha(params)));
        return z;
    }

    @Override
    public FlatRegion flatRegion(Parameters params) {
        return FlatRegion.below(Math.min(SaturationSlope.of(params) - alpha(params), 0.0));
    }

    private static double alpha(Parameters params) {
        return params.real(ALPHA.name());
    }
}
