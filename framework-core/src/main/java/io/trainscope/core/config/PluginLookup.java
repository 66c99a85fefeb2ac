package io.trainscope.core.config;

import io.trainscope.api.plugin.Plugin;
import io.trainscope.core.plugin.Configured;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.plugin.PluginRegistry;
import jakarta.inject.Inject;

/**
 * Looks up the plugins a config names, reporting an unknown name or a bad parameter as a
 * {@link ConfigException} at the config path it came from, with "did you mean" and the known
 * names of the family.
 */
public final class PluginLookup {

    private final PluginRegistry registry;

    @Inject
    public PluginLookup(PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * A plugin instance by name (for monitors, a fresh one).
     *
     * @param path the config path the name came from
     * @throws ConfigException when the name is unknown
     */
    public <T extends Plugin> T get(PluginFamily<T> family, String name, String path) {
        if (!registry.has(family, name)) {
            throw new ConfigException(path, registry.unknown(family, name));
        }
        return registry.get(family, name);
    }

    /**
     * Looks up a plugin reference and checks its parameters.
     *
     * @param path the config path of the reference ({@code model.init}); errors are reported under it
     */
    public <T extends Plugin> Configured<T> configure(PluginFamily<T> family, PluginRef ref, String path) {
        T plugin = get(family, ref.name(), path);
        return new Configured<>(plugin, ParameterResolver.resolve(plugin, family.displayName(), ref.params(), path));
    }
}
