package io.trainscope.core.config;

import java.util.List;
import java.util.Objects;

/**
 * The network: hidden layers, each with its own settings or the model's, and an output layer.
 *
 * @param layers      the hidden layers, input side first; may be empty
 * @param defaults    the model-wide settings every hidden layer inherits (activation, init and
 *                    bias set; {@code normalizers} unused: see {@code normalizers})
 * @param normalizers normalizer plugins (BatchNorm layers, input standardization), in order
 * @param output      the output layer; null activation and loss are derived from the data's task
 */
public record ModelSpec(List<LayerSpec> layers, LayerSettings defaults, List<PluginRef> normalizers,
                        OutputSpec output) {

    public ModelSpec {
        layers = List.copyOf(layers);
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).type() == LayerType.DENSE) {
                ConfigRules.atLeast(layerPath(layers, i) + (layers.get(i).plain() ? "" : ".units"),
                        layers.get(i).units(), 1);
            }
            if (layers.get(i).type() == LayerType.CONV2D) {
                ConfigRules.atLeast(layerPath(layers, i) + ".filters", layers.get(i).units(), 1);
            }
            layers.get(i).settings().checked(layerPath(layers, i));
        }
        LayerShapes.checkOrder(layers);
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(defaults.activation(), "activation");
        Objects.requireNonNull(defaults.init(), "init");
        Objects.requireNonNull(defaults.bias(), "bias");
        Objects.requireNonNull(defaults.dropout(), "dropout");
        defaults.checked("model");
        normalizers = List.copyOf(normalizers);
        Objects.requireNonNull(output, "output");
    }

    /** A multi-layer perceptron whose hidden layers all take the model-wide settings ({@code model.hidden}). */
    public ModelSpec(List<Integer> hidden, PluginRef activation, PluginRef init, List<PluginRef> normalizers,
                     OutputSpec output) {
        this(hidden.stream().map(LayerSpec::dense).toList(), defaults(activation, init, null, true, 0.0), normalizers,
                output);
    }

    /** Model-wide settings. */
    public static LayerSettings defaults(PluginRef activation, PluginRef init, PluginRef biasInit, boolean bias,
                                         double dropout) {
        return new LayerSettings(activation, init, biasInit, bias, dropout, null);
    }

    /** The model-wide activation plugin. */
    public PluginRef activation() {
        return defaults.activation();
    }

    /** The model-wide initializer plugin (every layer that sets none, output included). */
    public PluginRef init() {
        return defaults.init();
    }

    /** The widths of the dense hidden layers, input side first. */
    public List<Integer> hidden() {
        return layers.stream().filter(l -> l.type() == LayerType.DENSE).map(LayerSpec::units).toList();
    }

    /** Whether {@code model.hidden} can describe the hidden layers (else the config needs {@code model.layers}). */
    public boolean plain() {
        return layers.stream().allMatch(LayerSpec::plain);
    }

    private static String layerPath(List<LayerSpec> layers, int i) {
        return layers.get(i).plain() ? "model.hidden[" + i + "]" : "model.layers[" + i + "]";
    }
}
