package io.trainscope.core.plugin;

import io.trainscope.api.plugin.Plugin;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The plugins found on the classpath, by family and name. Immutable. */
public final class DiscoveredPlugins {

    private final Map<PluginFamily<?>, Map<String, DiscoveredPlugin<?>>> byFamily;

    DiscoveredPlugins(Map<PluginFamily<?>, Map<String, DiscoveredPlugin<?>>> byFamily) {
        Map<PluginFamily<?>, Map<String, DiscoveredPlugin<?>>> copy = new LinkedHashMap<>();
        byFamily.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        this.byFamily = copy;
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
}
