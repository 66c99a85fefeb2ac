package io.trainscope.plugins.activation;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The shape shared by leaky-relu and prelu: {@code f(z) = z} for {@code z > 0} and {@code a·z}
 * otherwise, with derivative 1 or {@code a}; a subclass says where {@code a} comes from. Computed
 * with ND4J's native leaky-ReLU ops, in place, and a fused backward op. There is no flat region
 * for a slope above 0.
 */
abstract class NegativeSlopeActivation implements Activation {

    /** The slope {@code a} for {@code z <= 0}. */
    abstract double slope(Parameters params);

    @Override
    public final INDArray apply(INDArray z, Parameters params) {
        return Transforms.leakyRelu(z, slope(params), false);
    }

    @Override
    public final INDArray derivative(INDArray z, Parameters params) {
        return Transforms.leakyReluDerivative(z, slope(params), false);
    }

    @Override
    public final INDArray backprop(INDArray z, INDArray gradOut, Parameters params) {
        Nd4j.exec(new LeakyReLUBp(z, gradOut, z, slope(params)));
        return z;
    }
}
