package io.trainscope.plugins.activation;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

/**
 * Softplus ({@code softplus}) as PyTorch defines it: {@code log(1 + e^(βz))/β}, reverting to
 * {@code z} where {@code βz > threshold} (β = 1, threshold = 20 by default); the derivative is
 * {@code σ(βz)}, or 1 above the threshold. The logarithm uses the stable form of
 * {@link StableMath#softplus}, so it stays finite for any input.
 *
 * <p>For large negative inputs the output approaches 0 and the derivative vanishes: the derivative
 * is {@code 1 - e^(-βa)} in terms of the output {@code a}, so the flat region, where it is at most
 * {@code ε = saturation-slope}, is {@code a <= -log(1 - ε)/β}.
 */
public final class SoftplusActivation implements Activation {

    static final ParameterSpec BETA = ParameterSpec.real("beta", 1.0, "sharpness: log(1 + e^(beta·z))/beta")
            .greaterThan(0);
    static final ParameterSpec THRESHOLD = ParameterSpec.real("threshold", 20.0,
            "above beta·z = threshold the function is z itself").greaterThan(0);

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public String description() {
        return "log(1 + e^(beta·z))/beta, a smooth relu; always positive, saturates towards 0";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(BETA, THRESHOLD, SaturationSlope.SPEC);
    }

    @Override
    public INDArray apply(INDArray z, Parameters params) {
        double beta = params.real(BETA.name());
        INDArray linear = linearPart(z, params);
        INDArray smooth = StableMath.softplus(z.mul(beta)).divi(beta);
        return z.muli(linear).addi(smooth.muli(linear.rsubi(1.0)));
    }

    @Override
    public INDArray derivative(INDArray z, Parameters params) {
        INDArray linear = linearPart(z, params);
        INDArray s = StableMath.sigmoid(z.muli(params.real(BETA.name())));
        return s.muli(linear.rsub(1.0)).addi(linear);
    }

    @Override
    public FlatRegion flatRegion(Parameters params) {
        double eps = SaturationSlope.of(params);
        return FlatRegion.below(-Math.log1p(-eps) / params.real(BETA.name()));
    }

    /** 1 where {@code βz > threshold}, else 0, in a new array. */
    private static INDArray linearPart(INDArray z, Parameters params) {
        double limit = params.real(THRESHOLD.name()) / params.real(BETA.name());
        return Transforms.step(z.sub(limit), false);
    }
}
