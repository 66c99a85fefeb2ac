package io.trainscope.core.config;

import io.trainscope.api.init.Initializer;
import io.trainscope.core.plugin.Configured;

import java.util.Objects;

/**
 * How the output layer's parameters start (its activation and loss are derived with the data's
 * task: {@code OutputHead}).
 *
 * @param init        the weight initializer plugin ({@code model.output.init}, else {@code model.init})
 * @param weightScale the factor applied to the initialized weights, > 0
 * @param biasInit    how the bias starts, or null for the initializer's own rule
 */
public record ResolvedOutputLayer(Configured<Initializer> init, double weightScale, BiasInit.Configured biasInit) {

    public ResolvedOutputLayer {
        Objects.requireNonNull(init, "init");
    }
}
