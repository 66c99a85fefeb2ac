package io.trainscope.core.model;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.plugin.Parameters;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Adapts an {@link Initializer} plugin to DL4J's {@link IWeightInit}. */
final class PluginWeightInit implements IWeightInit {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient Initializer plugin;
    private final transient Parameters params;
    private final transient WeightRandom random;

    PluginWeightInit(Initializer plugin, Parameters params, WeightRandom random) {
        this.name = plugin.name();
        this.plugin = plugin;
        this.params = params;
        this.random = random;
    }

    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        INDArray weights = paramView.reshape(order, shape);
        plugin.fill(weights, new Fan(Math.round(fanIn), Math.round(fanOut)), params, random);
        return weights;
    }

    @Override
    public String toString() {
        return name;
    }
}
