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
        initializer.plugin().fill(weights, new Fan(Math.round(fanIn), Math.round(fanOut)), initializer.params(), random);
        return weights;
    }

    @Override
    public String toString() {
        return initializer.name();
    }
}
