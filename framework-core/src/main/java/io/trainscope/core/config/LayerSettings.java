package io.trainscope.core.config;

import java.util.List;

/**
 * The settings a hidden layer may take from the model or set for itself: in {@code model} they
 * are the defaults of every hidden layer; in an entry of {@code model.layers} a null field
 * inherits the model's value ({@link #over}).
 *
 * @param activation  the activation plugin, or null
 * @param init        the weight initializer plugin, or null
 * @param biasInit    the bias initialization ({@link BiasInit}: {@code zeros}, {@code constant},
 *                    {@code normal}, {@code uniform}), or null: the initializer's own rule
 *                    ({@code Initializer.fillBias}, zeros for all standard initializers but {@code torch-default})
 * @param bias        whether the layer has a bias, or null
 * @param dropout     the probability of dropping each of the layer's outputs while training, in [0, 1), or null
 * @param normalizers the normalizers that insert layers into this layer (at most one), or null
 */
public record LayerSettings(PluginRef activation, PluginRef init, PluginRef biasInit, Boolean bias, Double dropout,
                            List<PluginRef> normalizers) {

    /** Nothing set: every field inherits. */
    public static final LayerSettings INHERIT = new LayerSettings(null, null, null, null, null, null);

    public LayerSettings {
        normalizers = normalizers == null ? null : List.copyOf(normalizers);
    }

    /** These settings with every null field taken from {@code defaults}. */
    public LayerSettings over(LayerSettings defaults) {
        return new LayerSettings(activation != null ? activation : defaults.activation,
                init != null ? init : defaults.init,
                biasInit != null ? biasInit : defaults.biasInit,
                bias != null ? bias : defaults.bias,
                dropout != null ? dropout : defaults.dropout,
                normalizers != null ? normalizers : defaults.normalizers);
    }

    /** Whether nothing is set. */
    public boolean isEmpty() {
        return equals(INHERIT);
    }

    /** Checks the dropout probability at {@code path}. */
    LayerSettings checked(String path) {
        if (dropout != null && !(dropout >= 0 && dropout < 1)) {
            throw new ConfigException(path + ".dropout", "must be a number in [0, 1) (the probability of dropping "
                    + "a unit), got " + dropout);
        }
        return this;
    }
}
