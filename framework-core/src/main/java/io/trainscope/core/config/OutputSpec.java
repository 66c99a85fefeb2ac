package io.trainscope.core.config;

import java.util.List;

/**
 * The output layer: its activation and the loss. Either may be null in a config, to be derived
 * from the task (softmax + cross-entropy for classification, identity + mse for regression).
 *
 * @param activation one of {@link #ACTIVATIONS}, or null
 * @param loss       one of {@link #LOSSES}, or null
 */
public record OutputSpec(String activation, String loss) {

    /** The output activations trainscope knows. */
    public static final List<String> ACTIVATIONS = List.of("softmax", "sigmoid", "identity");
    /** The losses trainscope knows. */
    public static final List<String> LOSSES = List.of("cross-entropy", "binary-cross-entropy", "mse", "mae");

    /** Both derived from the task. */
    public static final OutputSpec DERIVED = new OutputSpec(null, null);

    public OutputSpec {
        ConfigRules.oneOf("model.output.activation", activation, ACTIVATIONS, true);
        ConfigRules.oneOf("model.output.loss", loss, LOSSES, true);
    }
}
