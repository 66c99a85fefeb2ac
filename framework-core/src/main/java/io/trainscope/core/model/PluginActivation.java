package io.trainscope.core.model;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adapts an {@link Activation} plugin to DL4J's {@link IActivation}: DL4J wants the result
 * written into its input array, the plugin may return a new array, and this class bridges the two.
 */
final class PluginActivation implements IActivation {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient Activation plugin;
    private final transient Parameters params;

    PluginActivation(Activation plugin, Parameters params) {
        this.name = plugin.name();
        this.plugin = plugin;
        this.params = params;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        INDArray out = plugin.apply(in, params);
        if (out != in) {
            in.assign(out);
        }
        return in;
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        return new Pair<>(plugin.backprop(in, epsilon, params), null);
    }

    @Override
    public int numParams(int inputSize) {
        return 0;
    }

    @Override
    public String toString() {
        return name;
    }
}
