package io.trainscope.core.plugin;

import io.trainscope.api.plugin.Plugin;

import java.net.URL;

/**
 * A plugin found on the classpath.
 *
 * @param family    its family
 * @param prototype the instance ServiceLoader created; used for its metadata and, for stateless
 *                  families, as the plugin itself
 * @param type      its implementation class (per-run families are instantiated from it)
 * @param <T>       the SPI type
 */
public record DiscoveredPlugin<T extends Plugin>(PluginFamily<T> family, T prototype, Class<? extends T> type) {

    /** The plugin's name. */
    public String name() {
        return prototype.name();
    }

    /** Where the class was loaded from (a jar or a classes directory), or null if unknown. */
    public URL location() {
        var source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
