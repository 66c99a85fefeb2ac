package io.trainscope.plugins.activation;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shape shared by swish, gelu and mish: the input times a smooth gate, {@code f(z) = z·g(z)},
 * so {@code f'(z) = g(z) + z·g'(z)}. A subclass gives the gate and its slope; this class does the
 * product rule once. The gate must be computed stably (see {@link StableMath}).
 *
 * <p>These functions are not monotonic (they dip below zero before rising), so their output does
 * not determine their derivative and they declare no flat region.
 */
abstract class GatedActivation implements Activation {

    /** A gate's value {@code g(z)} and slope {@code g'(z)}, computed together to share work. */
    record Gate(INDArray value, INDArray slope) {
    }

    /**
     * The gate {@code g(z)} in a new array.
     *
     * @param z pre-activations; must not be modified
     */
    abstract INDArray gate(INDArray z, Parameters params);

    /**
     * The gate and its slope in new arrays.
     *
     * @param z pre-activations; must not be modified
     */
    abstract Gate gateAndSlope(INDArray z, Parameters params);

    @Override
    public final INDArray apply(INDArray z, Parameters params) {
        return z.muli(gate(z, params));
    }

    @Override
    public final INDArray derivative(INDArray z, Parameters params) {
        Gate g = gateAndSlope(z, params);
        return g.slope().muli(z).addi(g.value());
    }
}
