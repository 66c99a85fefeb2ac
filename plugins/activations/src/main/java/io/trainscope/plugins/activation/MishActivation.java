package io.trainscope.plugins.activation;

import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Mish {@code f(z) = z·tanh(softplus(z))} ({@code mish}): smooth, non-monotonic, unbounded above
 * and bounded below (minimum about -0.309 at {@code z ≈ -1.19});
 * {@code f'(z) = tanh(sp) + z·(1 - tanh²(sp))·σ(z)} with {@code sp = softplus(z)}. Both are computed
 * from the stable softplus, so nothing overflows: ND4J's own mish derivative is NaN at {@code z >= 50}
 * in float32.
 */
public final class MishActivation extends GatedActivation {

    @Override
    public String name() {
        return "mish";
    }

    @Override
    public String description() {
        return "z·tanh(softplus(z)); smooth, non-monotonic, bounded below, unbounded above";
    }

    @Override
    INDArray gate(INDArray z, Parameters params) {
        return Transforms.tanh(StableMath.softplus(z.dup()), false);
    }

    @Override
    Gate gateAndSlope(INDArray z, Parameters params) {
        INDArray t = gate(z, params);
        INDArray slope = StableMath.tanhSlope(t.dup()).muli(StableMath.sigmoid(z.dup()));
        return new Gate(t, slope);
    }
}
