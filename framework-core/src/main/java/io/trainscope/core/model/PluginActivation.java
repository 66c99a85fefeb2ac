package io.trainscope.core.model;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Adapts an {@link Activation} plugin to DL4J's {@link IActivation}: DL4J wants the result
 * written into its input array, the plugin may return a new array, and this class bridges the two.
 * Its configuration (plugin name and parameters) survives DL4J's JSON and Java serialization; the
 * plugin is found again by name where it is read back ({@link PortablePlugin}).
 */
final class PluginActivation implements IActivation {
    private static final long serialVersionUID = 2L;

    @JsonProperty("plugin")
    private final PortablePlugin<Activation> activation;

    /** For DL4J's JSON reader. */
    private PluginActivation() {
        this.activation = null;
    }

    PluginActivation(Activation plugin, Parameters params) {
        this.activation = new PortablePlugin<>(Activation.class, plugin, params);
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        INDArray out = activation.plugin().apply(in, activation.params());
        if (out != in) {
            in.assign(out);
        }
        return in;
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        return new Pair<>(activation.plugin().backprop(in, epsilon, activation.params()), null);
    }

    @Override
    public int numParams(int inputSize) {
        return 0;
    }

    @Override
    public String toString() {
        return activation.name();
    }
}
