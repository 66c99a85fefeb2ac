package io.trainscope.core.model;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.Parameters;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Adapts an {@link Initializer} plugin to DL4J's {@link IWeightInit}. Its configuration survives
 * DL4J's JSON and Java serialization ({@link PortablePlugin}); read back, it draws from ND4J's
 * generator.
 */
final class PluginWeightInit implements IWeightInit {
    private static final long serialVersionUID = 2L;

    @JsonProperty("plugin")
    private final PortablePlugin<Initializer> initializer;
    private transient WeightRandom random;

    /** For DL4J's JSON reader. */
    private PluginWeightInit() {
        this.initializer = null;
    }

    PluginWeightInit(Initializer plugin, Parameters params, WeightRandom random) {
        this.initializer = new PortablePlugin<>(Initializer.class, plugin, params);
        this.random = random;
    }

    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        INDArray weights = paramView.reshape(order, shape);
        if (random == null) {
            random = new Nd4jWeightRandom();
        }
        initializer.plugin().fill(weights, fan(fanIn, fanOut, shape), initializer.params(), random);
        return weights;
    }

    /**
     * The fans the plugin sees. For a convolution's weights {@code [filters, channels, kernel rows,
     * kernel columns]} fan-in is channels × kernel area and fan-out filters × kernel area (DL4J
     * passes a fan-out divided by the stride's area; PyTorch's {@code _calculate_fan_in_and_fan_out}
     * does not divide, and neither does trainscope); otherwise DL4J's figures.
     */
    static Fan fan(double fanIn, double fanOut, long[] shape) {
        if (shape.length == 4) {
            long area = shape[2] * shape[3];
            return new Fan(shape[1] * area, shape[0] * area);
        }
        return new Fan(Math.round(fanIn), Math.round(fanOut));
    }

    @Override
    public String toString() {
        return initializer.name();
    }
}
