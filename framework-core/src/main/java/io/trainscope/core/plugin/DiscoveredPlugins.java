package io.trainscope.core.plugin;

import io.trainscope.api.plugin.Plugin;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plugins found on the classpath, by family and name, and the entries that were found but
 * cannot be used ({@link UnavailablePlugin}). Immutable.
 */
public final class DiscoveredPlugins {

    private final Map<PluginFamily<?>, Map<String, DiscoveredPlugin<?>>> byFamily;
    private final List<UnavailablePlugin> unavailable;

    DiscoveredPlugins(Map<PluginFamily<?>, Map<String, DiscoveredPlugin<?>>> byFamily,
                      List<UnavailablePlugin> unavailable) {
        Map<PluginFamily<?>, Map<String, DiscoveredPlugin<?>>> copy = new LinkedHashMap<>();
        byFamily.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        this.byFamily = copy;
        this.unavailable = List.copyOf(unavailable);
    }

    /** The plugins of one family by name. */
    @SuppressWarnings("unchecked")
    public <T extends Plugin> Map<String, DiscoveredPlugin<T>> of(PluginFamily<T> family) {
        Map<String, ?> m = byFamily.getOrDefault(family, Map.of());
        return (Map<String, DiscoveredPlugin<T>>) m;
    }

    /** Every discovered plugin, family by family, names sorted. */
    public List<DiscoveredPlugin<?>> all() {
        return byFamily.values().stream()
                .map(Map::values)
                .flatMap(Collection::stream)
                .toList();
    }

    /** Every entry that was found but cannot be used, family by family, in the order found. */
    public List<UnavailablePlugin> unavailable() {
        return unavailable;
    }

    /** The unavailable entries of one family. */
    public List<UnavailablePlugin> unavailable(PluginFamily<?> family) {
        return unavailable.stream().filter(u -> u.family() == family).toList();
    }
}
