package io.trainscope.core.config;

import java.util.List;
import java.util.Objects;

/**
 * The network: a multi-layer perceptron whose hidden layers share one activation and one
 * initializer.
 *
 * @param hidden      the width of each hidden layer, input side first; may be empty
 * @param activation  the activation plugin of the hidden layers
 * @param init        the initializer plugin of every layer, output included
 * @param normalizers normalizer plugins (BatchNorm layers, input standardization), in order
 * @param output      the output activation and loss; null fields are derived from the data's task
 */
public record ModelSpec(List<Integer> hidden, PluginRef activation, PluginRef init, List<PluginRef> normalizers,
                        OutputSpec output) {

    public ModelSpec {
        hidden = List.copyOf(hidden);
        for (int i = 0; i < hidden.size(); i++) {
            ConfigRules.atLeast("model.hidden[" + i + "]", hidden.get(i), 1);
        }
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(init, "init");
        normalizers = List.copyOf(normalizers);
        Objects.requireNonNull(output, "output");
    }
}
