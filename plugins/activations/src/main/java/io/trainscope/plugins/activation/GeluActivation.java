package io.trainscope.plugins.activation;

import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * The Gaussian error linear unit {@code f(z) = z·Φ(z)} ({@code gelu}), {@code Φ} the standard
 * normal distribution function, as PyTorch's {@code GELU(approximate='none')}; with
 * {@code approximate: tanh} it is PyTorch's {@code approximate='tanh'}:
 * {@code z·(1 + tanh(u))/2 = z·σ(2u)} with {@code u = √(2/π)(z + 0.044715z³)}.
 *
 * <p>Derivatives: exact {@code Φ(z) + z·φ(z)}; tanh form {@code σ(2u) + z·2u'·σ(2u)(1 - σ(2u))}
 * with {@code u' = √(2/π)(1 + 3·0.044715z²)}. ND4J's own {@code gelu} op is neither (it computes
 * {@code z·σ(1.702z)}), so this plugin composes stable primitives.
 */
public final class GeluActivation extends GatedActivation {

    static final String EXACT = "none";
    static final String TANH = "tanh";
    static final ParameterSpec APPROXIMATE = ParameterSpec.choice("approximate", EXACT, List.of(EXACT, TANH),
            "none: exact z·Phi(z) with erf; tanh: the tanh approximation (as PyTorch's approximate=)");

    private static final double C = Math.sqrt(2 / Math.PI);
    private static final double K = 0.044715;

    @Override
    public String name() {
        return "gelu";
    }

    @Override
    public String description() {
        return "z·Phi(z), the Gaussian error linear unit (exact, or the tanh approximation); smooth, non-monotonic";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(APPROXIMATE);
    }

    @Override
    INDArray gate(INDArray z, Parameters params) {
        return exact(params) ? StableMath.normalCdf(z.dup()) : StableMath.sigmoid(twiceU(z));
    }

    @Override
    Gate gateAndSlope(INDArray z, Parameters params) {
        INDArray g = gate(z, params);
        if (exact(params)) {
            return new Gate(g, StableMath.normalPdf(z.dup()));
        }
        // 2u' = 2C(1 + 3K z²)
        INDArray twiceUSlope = z.mul(z).muli(3 * K).addi(1.0).muli(2 * C);
        return new Gate(g, StableMath.sigmoidSlope(g.dup()).muli(twiceUSlope));
    }

    private static boolean exact(Parameters params) {
        return EXACT.equals(params.text(APPROXIMATE.name()));
    }

    /** {@code 2u = 2C(z + K z³)} in a new array. */
    private static INDArray twiceU(INDArray z) {
        return z.mul(z).muli(z).muli(K).addi(z).muli(2 * C);
    }
}
