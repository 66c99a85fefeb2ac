package io.trainscope.examples.plugins;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Softsign, {@code f(z) = z / (1 + |z|)} with {@code f'(z) = 1 / (1 + |z|)²}: a plugin that lives
 * only in the examples module. Its jar on the classpath is all it takes to use it by name
 * ({@code activation: softsign}); nothing in trainscope refers to this class.
 */
public final class SoftsignActivation implements Activation {

    @Override
    public String name() {
        return "softsign";
    }

    @Override
    public String description() {
        return "z / (1 + |z|): saturates polynomially, not exponentially (example plugin)";
    }

    @Override
    public INDArray apply(INDArray z, Parameters params) {
        return z.divi(Transforms.abs(z, true).addi(1.0));
    }

    @Override
    public INDArray derivative(INDArray z, Parameters params) {
        INDArray d = Transforms.abs(z, false).addi(1.0);
        return d.muli(d).rdivi(1.0);
    }
}
