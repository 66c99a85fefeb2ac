package com.example.trainscope;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * LeCun's scaled tanh ({@code lecun-tanh}): {@code f(z) = 1.7159 · tanh(2z/3)}, with
 * {@code f'(z) = 1.7159 · 2/3 · (1 - tanh²(2z/3))}; {@code f(±1) = ±1}, and its output variance
 * stays near 1 for inputs of variance 1 ("Efficient BackProp", 1998).
 */
public final class LecunTanhActivation implements Activation {

    static final double SCALE = 1.7159;
    static final double SLOPE = 2.0 / 3.0;

    @Override
    public String name() {
        return "lecun-tanh";
    }

    @Override
    public String description() {
        return "1.7159 · tanh(2z/3): LeCun's scaled tanh";
    }

    @Override
    public INDArray apply(INDArray z, Parameters params) {
        return Transforms.tanh(z.muli(SLOPE), false).muli(SCALE);
    }

    @Override
    public INDArray derivative(INDArray z, Parameters params) {
        INDArray t = Transforms.tanh(z.muli(SLOPE), false);
        return t.muli(t).rsubi(1.0).muli(SCALE * SLOPE);
    }

    /** Flat where |f| > 0.99 · 1.7159, as the saturation monitor counts tanh's |a| > 0.99. */
    @Override
    public FlatRegion flatRegion(Parameters params) {
        return FlatRegion.outside(-0.99 * SCALE, 0.99 * SCALE);
    }
}
