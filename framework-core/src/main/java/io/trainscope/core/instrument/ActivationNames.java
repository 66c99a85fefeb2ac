package io.trainscope.core.instrument;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.plugin.PluginRegistry;
import org.nd4j.linalg.activations.IActivation;

import java.util.Locale;

/**
 * Names a DL4J activation function the way trainscope names activations, and says where it is
 * flat: the activation plugin whose {@link Activation#dl4jEquivalent DL4J equivalent} is of the
 * same class gives its name and {@link Activation#flatRegion flat region} (at the plugin's default
 * parameters), so the saturation monitor reads a DL4J {@code ActivationTanH} as it reads
 * trainscope's {@code tanh}. An activation no plugin claims keeps DL4J's name and has no flat
 * region (nothing is counted as saturated).
 */
final class ActivationNames {

    /** A DL4J activation as monitors see it. */
    record Named(String name, FlatRegion flatRegion) {
        static final Named IDENTITY = new Named("identity", FlatRegion.NONE);
    }

    private final PluginRegistry registry;

    ActivationNames(PluginRegistry registry) {
        this.registry = registry;
    }

    /** The name and flat region of {@code fn}; {@code identity} and none for a null function. */
    Named of(IActivation fn) {
        if (fn == null) {
            return Named.IDENTITY;
        }
        for (String name : registry.names(PluginFamily.ACTIVATION)) {
            Activation plugin = registry.get(PluginFamily.ACTIVATION, name);
            Parameters defaults = Parameters.defaults(plugin);
            var equivalent = plugin.dl4jEquivalent(defaults);
            if (equivalent.isPresent() && equivalent.get().getActivationFunction().getClass() == fn.getClass()) {
                return new Named(plugin.name(), plugin.flatRegion(defaults));
            }
        }
        return new Named(dl4jName(fn), FlatRegion.NONE);
    }

    /** DL4J's own name: its {@code Activation} constant in lower case, else the class name without "Activation". */
    static String dl4jName(IActivation fn) {
        for (org.nd4j.linalg.activations.Activation a : org.nd4j.linalg.activations.Activation.values()) {
            try {
                if (a.getActivationFunction().getClass() == fn.getClass()) {
                    return a.name().toLowerCase(Locale.ROOT);
                }
            } catch (UnsupportedOperationException e) {
                // an enum constant without a function of its own
            }
        }
        return fn.getClass().getSimpleName().replaceFirst("^Activation", "").toLowerCase(Locale.ROOT);
    }
}
