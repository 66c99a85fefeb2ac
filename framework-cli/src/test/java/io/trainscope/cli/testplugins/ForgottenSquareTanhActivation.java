package io.trainscope.cli.testplugins;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A plugin author's mistake: tanh whose derivative forgets the square (1 - tanh instead of
 * 1 - tanh²). Registered only in {@code src/test/resources/broken-activation/META-INF/services},
 * which tests put on a class loader of their own, so the other tests never discover it.
 */
public final class ForgottenSquareTanhActivation implements Activation {

    @Override
    public String name() {
        return "forgotten-square-tanh";
    }

    @Override
    public String description() {
        return "tanh with a wrong derivative (a test plugin)";
    }

    @Override
    public INDArray apply(INDArray z, Parameters params) {
        return Transforms.tanh(z, false);
    }

    @Override
    public INDArray derivative(INDArray z, Parameters params) {
        return Transforms.tanh(z, false).rsubi(1.0);
    }
}
