package io.trainscope.plugins.activation;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The numerically stable building blocks the smooth activations share, each in place on its
 * argument and finite for every finite input in float32 and float64:
 * <ul>
 *   <li>{@link #sigmoid}: ND4J's {@code 1 / (1 + e^-z)}; for {@code z < -88} in float32
 *       {@code e^-z} overflows to infinity and the result is exactly 0, the correct limit, never NaN.</li>
 *   <li>{@link #softplus}: {@code max(z, 0) + log1p(e^-|z|)}, which never exponentiates a positive
 *       number (the direct {@code log(1 + e^z)} is infinite at {@code z > 88} in float32).</li>
 *   <li>{@link #normalCdf} and {@link #normalPdf}: {@code Φ(z) = (1 + erf(z/√2)) / 2} and
 *       {@code φ(z) = e^(-z²/2) / √(2π)}, whose exponent is never positive.</li>
 * </ul>
 */
final class StableMath {

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private StableMath() {
    }

    /** {@code σ(z)}, in place. */
    static INDArray sigmoid(INDArray z) {
        return Transforms.sigmoid(z, false);
    }

    /** {@code σ'(z) = σ(z)(1 - σ(z))} from {@code s = σ(z)}, in place on {@code s}. */
    static INDArray sigmoidSlope(INDArray s) {
        return s.muli(s.rsub(1.0));
    }

    /** {@code softplus(z) = log(1 + e^z)} in its stable form, in place. */
    static INDArray softplus(INDArray z) {
        INDArray tail = Transforms.abs(z, true).negi();
        Transforms.log1p(Transforms.exp(tail, false), false);
        return Transforms.relu(z, false).addi(tail);
    }

    /** {@code tanh'(u) = 1 - tanh²(u)} from {@code t = tanh(u)}, in place on {@code t}. */
    static INDArray tanhSlope(INDArray t) {
        return t.muli(t).rsubi(1.0);
    }

    /** The standard normal distribution function {@code Φ(z)}, in place. */
    static INDArray normalCdf(INDArray z) {
        z.muli(SQRT_HALF);
        Nd4j.getExecutioner().exec(new Erf(z, z));
        return z.addi(1.0).muli(0.5);
    }

    /** The standard normal density {@code φ(z)}, in place. */
    static INDArray normalPdf(INDArray z) {
        return Transforms.exp(z.muli(z).muli(-0.5), false).muli(INV_SQRT_2PI);
    }
}
