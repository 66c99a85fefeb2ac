package io.trainscope.core.config;

import io.trainscope.api.plugin.ParameterException;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.api.plugin.Plugin;

import java.util.List;
import java.util.Map;

/**
 * Resolves the parameters of a config entry through the API's {@link Parameters#resolve} and
 * reports a problem as a {@link ConfigException} at the path of the offending parameter, naming
 * its owner: {@code model.init.std: must be a number > 0, got -1.0 (initializer 'normal')}.
 */
public final class ParameterResolver {

    private ParameterResolver() {
    }

    /** Resolves a plugin's parameters given at config path {@code path}. */
    public static Parameters resolve(Plugin plugin, String familyName, Map<String, ?> raw, String path) {
        try {
            return Parameters.resolve(plugin, raw);
        } catch (ParameterException e) {
            throw at(path, e, familyName + " '" + plugin.name() + "'");
        }
    }

    /** Resolves the parameters of a non-plugin owner (an optimizer, a schedule). */
    public static Parameters resolve(String name, String owner, List<ParameterSpec> specs, Map<String, ?> raw,
                                     String path) {
        try {
            return Parameters.resolve(name, specs, raw);
        } catch (ParameterException e) {
            throw at(path, e, owner);
        }
    }

    private static ConfigException at(String path, ParameterException e, String owner) {
        return new ConfigException(path + "." + e.parameter(), e.getMessage() + " (" + owner + ")");
    }
}
