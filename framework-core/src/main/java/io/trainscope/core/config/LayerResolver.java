package io.trainscope.core.config;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.internal.Suggestions;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.plugin.Configured;
import io.trainscope.core.plugin.PluginFamily;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the layers of a {@link ModelSpec}: each entry's own plugins at its path
 * ({@code model.layers[1].activation}), the model's where it sets none.
 */
final class LayerResolver {

    private final PluginLookup plugins;

    LayerResolver(PluginLookup plugins) {
        this.plugins = plugins;
    }

    /**
     * Resolves every layer and the output layer.
     *
     * @param activation  the resolved {@code model.activation}
     * @param init        the resolved {@code model.init}
     * @param normalizers the resolved {@code model.normalizers}
     */
    ResolvedModel resolve(ModelSpec model, Configured<Activation> activation, Configured<Initializer> init,
                          List<Configured<Normalizer>> normalizers) {
        BiasInit.Configured bias = bias(model.defaults().biasInit(), "model.bias-init");
        Configured<Normalizer> layerNormalizer = normalizers.stream().filter(LayerResolver::insertsLayers)
                .findFirst().orElse(null);
        List<ResolvedLayer> layers = new ArrayList<>();
        for (int i = 0; i < model.layers().size(); i++) {
            LayerSpec spec = model.layers().get(i);
            LayerSettings own = spec.settings();
            String path = "model.layers[" + i + "]";
            if (own.biasInit() != null && Boolean.FALSE.equals(own.bias())) {
                throw new ConfigException(path + ".bias-init", "the layer has no bias ('bias: false'); remove one of the two");
            }
            if (!spec.type().weighted()) {
                layers.add(new ResolvedLayer(i, spec, activation, init, null, false, 0.0, null));
                continue;
            }
            ResolvedLayer layer = new ResolvedLayer(i, spec,
                    own.activation() == null ? activation
                            : plugins.configure(PluginFamily.ACTIVATION, own.activation(), path + ".activation"),
                    own.init() == null ? init : plugins.configure(PluginFamily.INITIALIZER, own.init(), path + ".init"),
                    own.biasInit() == null ? bias : bias(own.biasInit(), path + ".bias-init"),
                    own.over(model.defaults()).bias(), own.over(model.defaults()).dropout(),
                    own.normalizers() == null ? layerNormalizer : layerNormalizer(own.normalizers(), path));
            if (spec.type() == LayerType.CONV2D) {
                ConvolutionChecks.check(layer, path);
            }
            layers.add(layer);
        }
        OutputSpec out = model.output();
        ResolvedOutputLayer output = new ResolvedOutputLayer(
                out.init() == null ? init : plugins.configure(PluginFamily.INITIALIZER, out.init(), "model.output.init"),
                out.weightScale(), out.biasInit() == null ? bias : bias(out.biasInit(), "model.output.bias-init"));
        return new ResolvedModel(layers, output, bias);
    }

    /** A layer's own normalizers: each must insert layers, and at most one may. */
    private Configured<Normalizer> layerNormalizer(List<PluginRef> refs, String path) {
        Configured<Normalizer> chosen = null;
        for (int j = 0; j < refs.size(); j++) {
            String at = path + ".normalizers[" + j + "]";
            Configured<Normalizer> n = plugins.configure(PluginFamily.NORMALIZER, refs.get(j), at);
            if (!insertsLayers(n)) {
                throw new ConfigException(at, "'" + n.name() + "' inserts no layers (it transforms the inputs); "
                        + "list it under model.normalizers");
            }
            if (chosen != null) {
                throw new ConfigException(at, "a layer takes at most one normalizer, got '" + chosen.name()
                        + "' and '" + n.name() + "'");
            }
            chosen = n;
        }
        return chosen;
    }

    static boolean insertsLayers(Configured<Normalizer> n) {
        return !n.plugin().hiddenLayers(1, n.params()).isEmpty();
    }

    /** A {@code bias-init} reference, or null for none. */
    static BiasInit.Configured bias(PluginRef ref, String path) {
        if (ref == null) {
            return null;
        }
        BiasInit kind = BiasInit.byName(ref.name());
        if (kind == null) {
            throw new ConfigException(path, "unknown bias initialization '" + ref.name() + "'"
                    + Suggestions.didYouMean(ref.name(), BiasInit.names()) + "; known: " + String.join(", ", BiasInit.names()));
        }
        Parameters params = ParameterResolver.resolve(kind.configName(), "bias-init '" + kind.configName() + "'",
                kind.parameters(), ref.params(), path);
        if (kind == BiasInit.UNIFORM && !(params.real("low") < params.real("high"))) {
            throw new ConfigException(path, "low must be below high, got low " + params.real("low") + " and high "
                    + params.real("high"));
        }
        return new BiasInit.Configured(kind, params);
    }
}
