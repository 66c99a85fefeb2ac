package io.trainscope.core.plugin;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.data.DataSource;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.plugin.Plugin;
import io.trainscope.api.internal.Suggestions;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The plugins available to this process, by family and name, as bound by {@link PluginModule}.
 * Core code obtains every plugin here, by injection, never by {@code new} or a static lookup.
 */
@Singleton
public final class PluginRegistry {

    private final DiscoveredPlugins discovered;
    private final Map<PluginFamily<?>, Map<String, ? extends Provider<? extends Plugin>>> providers = new LinkedHashMap<>();

    @Inject
    public PluginRegistry(DiscoveredPlugins discovered,
                          Map<String, Provider<DataSource>> dataSources,
                          Map<String, Provider<Initializer>> initializers,
                          Map<String, Provider<Activation>> activations,
                          Map<String, Provider<Normalizer>> normalizers,
                          Map<String, Provider<Monitor>> monitors) {
        this.discovered = discovered;
        providers.put(PluginFamily.DATA_SOURCE, dataSources);
        providers.put(PluginFamily.INITIALIZER, initializers);
        providers.put(PluginFamily.ACTIVATION, activations);
        providers.put(PluginFamily.NORMALIZER, normalizers);
        providers.put(PluginFamily.MONITOR, monitors);
    }

    /** The names of one family's plugins, sorted. */
    public List<String> names(PluginFamily<?> family) {
        return List.copyOf(new TreeSet<>(providers.get(family).keySet()));
    }

    /** Every discovered plugin with its class and origin, for listings. */
    public List<DiscoveredPlugin<?>> all() {
        return discovered.all();
    }

    /** Whether a plugin of {@code family} is called {@code name}. */
    public boolean has(PluginFamily<?> family, String name) {
        return providers.get(family).containsKey(name);
    }

    /**
     * A plugin instance by name. For stateless families this is the one shared instance; for
     * per-run families (monitors) a fresh instance on every call. Config code reports an unknown
     * name at its config path through {@code io.trainscope.core.config.PluginLookup}.
     *
     * @throws PluginException saying {@link #unknown} when the name is unknown
     */
    public <T extends Plugin> T get(PluginFamily<T> family, String name) {
        Provider<? extends Plugin> provider = providers.get(family).get(name);
        if (provider == null) {
            throw new PluginException(unknown(family, name));
        }
        return family.type().cast(provider.get());
    }

    /** The plugins found on the classpath that cannot be used, with their reasons, for listings. */
    public List<UnavailablePlugin> unavailable() {
        return discovered.unavailable();
    }

    /**
     * What is wrong with a name no usable plugin has: the reason when an unavailable plugin has
     * that name, else "unknown initializer 'x'; did you mean 'y'?; known initializers: ...", plus
     * the entries of the family that could not be loaded (their names are unknown, and the one
     * asked for may be among them).
     */
    public String unknown(PluginFamily<?> family, String name) {
        List<UnavailablePlugin> broken = discovered.unavailable(family);
        for (UnavailablePlugin plugin : broken) {
            if (name.equals(plugin.name())) {
                return plugin.describe();
            }
        }
        List<String> unnamed = broken.stream().filter(u -> u.name() == null).map(UnavailablePlugin::describe).toList();
        String maybe = unnamed.isEmpty() ? "" : "; " + unnamed.size() + " " + family.displayName() + " entr"
                + (unnamed.size() == 1 ? "y" : "ies") + " on the classpath could not be loaded and '" + name
                + "' may be among them: " + String.join("; ", unnamed);
        return "unknown " + family.displayName() + " '" + name + "'"
                + Suggestions.didYouMean(name, providers.get(family).keySet())
                + "; known " + family.plural() + ": " + knownNames(family) + maybe;
    }

    private String knownNames(PluginFamily<?> family) {
        List<String> names = names(family);
        return names.isEmpty() ? "none (no " + family.displayName() + " plugin is on the classpath)" : String.join(", ", names);
    }
}
