package io.trainscope.plugins.activation;

import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Swish {@code f(z) = z·σ(βz)} ({@code swish}); with {@code β = 1} (the default) it is PyTorch's
 * SiLU. Smooth and non-monotonic, with a minimum of about -0.278/β at {@code z ≈ -1.28/β};
 * {@code f'(z) = σ(βz) + βz·σ(βz)(1 - σ(βz))}. Seed 003 finds that it keeps the units of a deep
 * network alive where relu lets them die.
 */
public final class SwishActivation extends GatedActivation {

    static final ParameterSpec BETA = ParameterSpec.real("beta", 1.0,
            "the gate's sharpness: z·sigmoid(beta·z); 1 is SiLU").greaterThan(0);

    @Override
    public String name() {
        return "swish";
    }

    @Override
    public String description() {
        return "z·sigmoid(beta·z) (SiLU at beta 1); smooth, non-monotonic, keeps deep networks' units alive";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(BETA);
    }

    @Override
    INDArray gate(INDArray z, Parameters params) {
        return StableMath.sigmoid(z.mul(params.real(BETA.name())));
    }

    @Override
    Gate gateAndSlope(INDArray z, Parameters params) {
        double beta = params.real(BETA.name());
        INDArray s = gate(z, params);
        return new Gate(s, StableMath.sigmoidSlope(s.dup()).muli(beta));
    }
}
