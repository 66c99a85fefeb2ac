package io.trainscope.core.config;

import java.util.List;
import java.util.Objects;

/**
 * The network's layers with every setting resolved.
 *
 * @param layers the hidden layers, input side first
 * @param output the output layer's initialization
 * @param biasInit the model-wide {@code bias-init}, or null
 */
public record ResolvedModel(List<ResolvedLayer> layers, ResolvedOutputLayer output, BiasInit.Configured biasInit) {

    public ResolvedModel {
        layers = List.copyOf(layers);
        Objects.requireNonNull(output, "output");
    }
}
