package io.trainscope.core.config;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.core.plugin.Configured;

import java.util.Objects;

/**
 * One hidden layer with every setting resolved: its own or inherited from the model.
 *
 * @param index      the layer's position in {@code model.layers} (or {@code model.hidden}), from 0
 * @param spec       what the config says of it (type and geometry)
 * @param activation the activation plugin
 * @param init       the weight initializer plugin
 * @param biasInit   how the bias starts, or null for the initializer's own rule ({@code Initializer.fillBias})
 * @param bias       whether the layer has a bias
 * @param dropout    the probability of dropping each output of the layer while training, in [0, 1)
 * @param normalizer the normalizer that inserts layers into this layer, or null
 */
public record ResolvedLayer(int index, LayerSpec spec, Configured<Activation> activation, Configured<Initializer> init,
                           BiasInit.Configured biasInit, boolean bias, double dropout,
                           Configured<Normalizer> normalizer) {

    public ResolvedLayer {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(init, "init");
    }

    /** The layer's kind. */
    public LayerType type() {
        return spec.type();
    }

    /** The width of a dense layer. */
    public int units() {
        return spec.units();
    }
}
