package io.trainscope.core.config;

import java.util.List;

/**
 * The output layer: its activation and the loss, and how its parameters start. Activation and
 * loss may be null in a config, to be derived from the task (softmax + cross-entropy for
 * classification, identity + mse for regression).
 *
 * @param activation  one of {@link #ACTIVATIONS}, or null
 * @param loss        one of {@link #LOSSES}, or null
 * @param init        the weight initializer plugin, or null for the model's {@code init}
 * @param weightScale a factor applied to the initialized weights (seed 002's fix of an
 *                    overconfident output: 0.01), > 0; 1 leaves them as drawn
 * @param biasInit    the bias initialization ({@link BiasInit}), or null for the model's {@code bias-init}
 */
public record OutputSpec(String activation, String loss, PluginRef init, double weightScale, PluginRef biasInit) {

    /** The output activations trainscope knows. */
    public static final List<String> ACTIVATIONS = List.of("softmax", "sigmoid", "identity");
    /** The losses trainscope knows. */
    public static final List<String> LOSSES = List.of("cross-entropy", "binary-cross-entropy", "mse", "mae");

    /** Both derived from the task; parameters as the model says. */
    public static final OutputSpec DERIVED = new OutputSpec(null, null);

    public OutputSpec {
        ConfigRules.oneOf("model.output.activation", activation, ACTIVATIONS, true);
        ConfigRules.oneOf("model.output.loss", loss, LOSSES, true);
        if (!(weightScale > 0) || Double.isInfinite(weightScale)) {
            throw new ConfigException("model.output.weight-scale", "must be a number > 0, got " + weightScale);
        }
    }

    /** An output layer with the given activation and loss whose parameters start as the model's do. */
    public OutputSpec(String activation, String loss) {
        this(activation, loss, null, 1.0, null);
    }

    /** Whether only activation and loss are set. */
    public boolean plain() {
        return init == null && weightScale == 1.0 && biasInit == null;
    }
}
