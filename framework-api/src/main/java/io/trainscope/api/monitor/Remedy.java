package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One change a prescription asks for, named as a plugin: use the initializer {@code he-normal},
 * the activation {@code leaky-relu}, the normalizer {@code batchnorm}. A monitor writes it into its
 * prescription as a placeholder ({@link Finding.Builder#prescription(String, Remedy...)}); the core
 * words it for the run it reports on: the plugin name for a run trainscope built from a config,
 * DL4J code ({@code .weightInit(WeightInit.RELU)}) for a network an application built itself. So
 * a monitor never needs to know how the network it watches was made.
 *
 * @param setting what the change is about
 * @param plugin  the name of the plugin that does it, in the family {@code setting} says
 */
@StableApi(since = "0.1")
public record Remedy(Setting setting, String plugin) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** What a remedy changes, and the plugin family its name belongs to. */
    public enum Setting {
        /** The weight initializer of the layers concerned. */
        INITIALIZER,
        /** The activation function of the layers concerned. */
        ACTIVATION,
        /** A normalizer: normalization layers in the hidden layers, or of the inputs. */
        NORMALIZER
    }

    public Remedy {
        Objects.requireNonNull(setting, "setting");
        if (plugin == null || !NAME.matcher(plugin).matches()) {
            throw new IllegalArgumentException("a remedy names a plugin in lower-case hyphenated words, got '" + plugin + "'");
        }
    }

    /** Use the initializer {@code name}. */
    public static Remedy initializer(String name) {
        return new Remedy(Setting.INITIALIZER, name);
    }

    /** Use the activation {@code name}. */
    public static Remedy activation(String name) {
        return new Remedy(Setting.ACTIVATION, name);
    }

    /** Add the normalizer {@code name}. */
    public static Remedy normalizer(String name) {
        return new Remedy(Setting.NORMALIZER, name);
    }

    /** How the remedy reads in a config's words: the plugin's name. */
    @Override
    public String toString() {
        return plugin;
    }
}
