package io.trainscope.core.config;

import io.trainscope.api.internal.Suggestions;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code model} section of a config into a {@link ModelSpec}: {@code hidden} or
 * {@code layers}, the model-wide layer settings and the output layer, each error at its path.
 */
final class ModelSection {

    private static final Set<String> MODEL = Set.of("hidden", "layers", "activation", "init", "bias-init", "bias",
            "dropout", "normalizers", "output");
    private static final Set<String> HIDDEN_SHORT = Set.of("layers", "units");
    private static final Set<String> OUTPUT = Set.of("activation", "loss", "init", "weight-scale", "bias-init");

    private ModelSection() {
    }

    static ModelSpec read(ConfigNode model) {
        model.requireObject(MODEL);
        if (model.has("hidden") && model.has("layers")) {
            throw new ConfigException(model.child("layers"), "give either 'hidden' or 'layers', not both");
        }
        List<LayerSpec> layers = model.has("layers") ? model.get("layers").list(ModelSection::layer)
                : hidden(model.get("hidden")).stream().map(LayerSpec::dense).toList();
        LayerSettings settings = settings(model);
        LayerSettings defaults = ModelSpec.defaults(
                settings.activation() != null ? settings.activation() : PluginRef.of("relu"),
                settings.init() != null ? settings.init() : PluginRef.of("he-normal"),
                settings.biasInit(), settings.bias() == null || settings.bias(),
                settings.dropout() == null ? 0.0 : settings.dropout());
        ConfigNode n = model.get("normalizers");
        List<PluginRef> normalizers = n.isMissing() ? List.of() : pluginRefs(n);
        return new ModelSpec(layers, defaults, normalizers, output(model.get("output")));
    }

    private static List<Integer> hidden(ConfigNode h) {
        if (h.isMissing()) {
            return List.of();
        }
        if (h.isObject()) {
            h.requireObject(HIDDEN_SHORT);
            int layers = h.integer("layers", 1, 0);
            int units = h.integer("units", 0, 1);
            if (!h.has("units")) {
                throw new ConfigException(h.child("units"), "missing: the width of each hidden layer");
            }
            return Collections.nCopies(layers, units);
        }
        if (!h.isArray()) {
            throw new ConfigException(h.path(), "must be a list of layer widths like [512, 256] or "
                    + "{layers: 10, units: 50}, got " + h.describe());
        }
        return h.list(e -> e.asInteger(1));
    }

    /** One entry of {@code model.layers}: a width (a dense layer), or a map with {@code type} and its keys. */
    private static LayerSpec layer(ConfigNode e) {
        if (!e.isObject()) {
            if (e.isText() || e.isMissing()) {
                throw new ConfigException(e.path(), "must be a map like {units: 64, activation: tanh} or a width, got "
                        + e.describe());
            }
            return LayerSpec.dense(e.asInteger(1));
        }
        String name = e.text("type", LayerType.DENSE.configName());
        LayerType type = LayerType.byName(name);
        if (type == null) {
            throw new ConfigException(e.child("type"), "unknown layer type '" + name + "'"
                    + Suggestions.didYouMean(name, LayerType.names()) + "; known types: "
                    + String.join(", ", LayerType.names()));
        }
        e.requireObject(type.keys());
        if (type == LayerType.DENSE && !e.has("units")) {
            throw new ConfigException(e.child("units"), "missing: the width of the layer, e.g. 'units: 64'");
        }
        if (type == LayerType.CONV2D && !e.has("filters")) {
            throw new ConfigException(e.child("filters"), "missing: the number of filters (output channels), e.g. 'filters: 16'");
        }
        int units = type == LayerType.CONV2D ? e.integer("filters", 0, 1) : e.integer("units", 0, 1);
        return new LayerSpec(type, units, type.weighted() ? settings(e) : LayerSettings.INHERIT,
                type.windowed() ? window(e, type) : null);
    }

    /**
     * The kernel, stride and padding of a convolution or pooling entry: a convolution's stride is 1
     * unless set, a pool's its kernel (windows that do not overlap); padding is 0.
     */
    private static LayerWindow window(ConfigNode e, LayerType type) {
        if (!e.has("kernel")) {
            throw new ConfigException(e.child("kernel"), "missing: the window size, e.g. 'kernel: 3' or 'kernel: [3, 5]'");
        }
        LayerWindow.Pair kernel = pair(e.get("kernel"), 1);
        LayerWindow.Pair stride = e.has("stride") ? pair(e.get("stride"), 1)
                : type.pooling() ? kernel : LayerWindow.Pair.of(1);
        LayerWindow.Pair padding = e.has("padding") ? pair(e.get("padding"), 0) : LayerWindow.Pair.of(0);
        return new LayerWindow(kernel, stride, padding);
    }

    /** An int (rows and columns alike) or {@code [rows, columns]}, each at least {@code min}. */
    private static LayerWindow.Pair pair(ConfigNode n, int min) {
        if (!n.isArray()) {
            if (n.isText() || n.isObject()) {
                throw new ConfigException(n.path(), "must be an integer or [rows, columns], got " + n.describe());
            }
            return LayerWindow.Pair.of(n.asInteger(min));
        }
        List<Integer> sides = n.list(s -> s.asInteger(min));
        if (sides.size() != 2) {
            throw new ConfigException(n.path(), "must be an integer or [rows, columns] (two integers), got "
                    + sides.size() + " values");
        }
        return new LayerWindow.Pair(sides.get(0), sides.get(1));
    }

    /** The layer settings a map sets (the model's, or a layer entry's); absent keys stay null. */
    private static LayerSettings settings(ConfigNode n) {
        return new LayerSettings(ref(n, "activation"), ref(n, "init"), ref(n, "bias-init"),
                n.has("bias") ? n.bool("bias", true) : null,
                n.has("dropout") ? n.real("dropout", 0.0, 0.0, 1.0) : null,
                n.has("normalizers") ? pluginRefs(n.get("normalizers")) : null).checked(n.path());
    }

    private static OutputSpec output(ConfigNode o) {
        if (o.isMissing()) {
            return OutputSpec.DERIVED;
        }
        o.requireObject(OUTPUT);
        return new OutputSpec(choice(o, "activation", OutputSpec.ACTIVATIONS), choice(o, "loss", OutputSpec.LOSSES),
                ref(o, "init"), o.positive("weight-scale", 1.0), ref(o, "bias-init"));
    }

    private static PluginRef ref(ConfigNode n, String key) {
        return n.has(key) ? n.get(key).pluginRef("name", Set.of()) : null;
    }

    private static List<PluginRef> pluginRefs(ConfigNode n) {
        return n.isArray() ? n.list(e -> e.pluginRef("name", Set.of())) : List.of(n.pluginRef("name", Set.of()));
    }

    private static String choice(ConfigNode node, String key, List<String> allowed) {
        return ConfigRules.oneOf(node.child(key), node.text(key, null), allowed, true);
    }
}
