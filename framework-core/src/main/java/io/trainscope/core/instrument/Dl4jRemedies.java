package io.trainscope.core.instrument;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.monitor.Remedy;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.api.plugin.Plugin;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.plugin.PluginRegistry;
import org.deeplearning4j.nn.conf.layers.Layer;

import java.util.List;
import java.util.function.Function;

/**
 * Words a prescription's remedies for code that builds DL4J layers: an initializer as
 * {@code .weightInit(WeightInit.RELU)}, an activation as {@code .activation(Activation.LEAKYRELU)}
 * (the DL4J equivalents the plugins declare), a normalizer that inserts layers as the DL4J layer
 * it inserts ({@code a BatchNormalization layer}). A plugin without a DL4J equivalent is named with
 * its description, so the words still say what to do.
 */
final class Dl4jRemedies implements Function<Remedy, String> {

    private final PluginRegistry registry;

    Dl4jRemedies(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String apply(Remedy remedy) {
        return switch (remedy.setting()) {
            case INITIALIZER -> initializer(remedy.plugin());
            case ACTIVATION -> activation(remedy.plugin());
            case NORMALIZER -> normalizer(remedy.plugin());
        };
    }

    private String initializer(String name) {
        if (!registry.has(PluginFamily.INITIALIZER, name)) {
            return name;
        }
        Initializer plugin = registry.get(PluginFamily.INITIALIZER, name);
        return plugin.dl4jEquivalent(Parameters.defaults(plugin)).map(w -> "`.weightInit(WeightInit." + w.name() + ")`")
                .orElseGet(() -> described("a weight initialization", plugin));
    }

    private String activation(String name) {
        if (!registry.has(PluginFamily.ACTIVATION, name)) {
            return name;
        }
        Activation plugin = registry.get(PluginFamily.ACTIVATION, name);
        return plugin.dl4jEquivalent(Parameters.defaults(plugin)).map(a -> "`.activation(Activation." + a.name() + ")`")
                .orElseGet(() -> described("an activation", plugin));
    }

    private String normalizer(String name) {
        if (!registry.has(PluginFamily.NORMALIZER, name)) {
            return name;
        }
        Normalizer plugin = registry.get(PluginFamily.NORMALIZER, name);
        List<Layer> layers = plugin.hiddenLayers(1, Parameters.defaults(plugin));
        return layers.isEmpty() ? described("input normalization", plugin)
                : "a `" + layers.get(0).getClass().getSimpleName() + "` layer";
    }

    private static String described(String what, Plugin plugin) {
        return what + " like trainscope's " + plugin.name() + " (" + plugin.description() + ")";
    }
}
