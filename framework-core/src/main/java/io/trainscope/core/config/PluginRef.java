package io.trainscope.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A reference to a plugin in a config: its name and the parameters set for it. In YAML either a
 * bare name ({@code activation: relu}) or a map with {@code name} and parameters beside it
 * ({@code init: {name: normal, std: 1.0}}).
 *
 * @param name   the plugin name
 * @param params raw parameter values as written (checked later against the plugin's declarations)
 */
public record PluginRef(String name, Map<String, Object> params) {

    public PluginRef {
        Objects.requireNonNull(name, "name");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
    }

    /** A reference without parameters. */
    public static PluginRef of(String name) {
        return new PluginRef(name, Map.of());
    }

    /** A reference with parameters. */
    public static PluginRef of(String name, Map<String, ?> params) {
        return new PluginRef(name, new LinkedHashMap<>(params));
    }
}
