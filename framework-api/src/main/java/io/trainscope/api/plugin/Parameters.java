package io.trainscope.api.plugin;

import io.trainscope.api.StableApi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The resolved parameter values of one configured plugin: every declared parameter is present,
 * either from the config or from its default, already converted to its declared type and checked
 * against its range.
 *
 * <p>Values are {@link Double} for {@link ParameterType#REAL}, {@link Long} for
 * {@link ParameterType#INTEGER}, {@link Boolean}, {@link String} for choices and text, and
 * {@code List<Double>} for lists. Reading a name the plugin did not declare is a programming
 * error and throws {@link IllegalArgumentException}.
 */
@StableApi(since = "0.1")
public final class Parameters {

    private static final Parameters EMPTY = new Parameters("", Map.of());

    private final String plugin;
    private final Map<String, Object> values;

    private Parameters(String plugin, Map<String, Object> values) {
        this.plugin = plugin;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Parameters with exactly the given values, as the core builds them after validation.
     * Tests may use it directly; values must already have their declared Java types.
     */
    public static Parameters of(String plugin, Map<String, ?> values) {
        return new Parameters(Objects.requireNonNull(plugin, "plugin"), new LinkedHashMap<>(values));
    }

    /** No parameters at all. */
    public static Parameters empty() {
        return EMPTY;
    }

    /** The name of the plugin these values belong to. */
    public String plugin() {
        return plugin;
    }

    /** A real-valued parameter. */
    public double real(String name) {
        return ((Number) get(name)).doubleValue();
    }

    /** An integer parameter. */
    public int integer(String name) {
        return Math.toIntExact(((Number) get(name)).longValue());
    }

    /** A boolean parameter. */
    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    /** A choice or text parameter; may be null only for an optional text without default. */
    public String text(String name) {
        Object v = get(name);
        return v == null ? null : v.toString();
    }

    /** A list-of-numbers parameter. */
    @SuppressWarnings("unchecked")
    public List<Double> realList(String name) {
        return (List<Double>) get(name);
    }

    /** All values by name, in declaration order; for writing the resolved config. */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("plugin '" + plugin + "' has no parameter '" + name
                    + "'; it has " + values.keySet());
        }
        return values.get(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.plugin.equals(plugin) && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(plugin, values);
    }

    @Override
    public String toString() {
        return plugin + values;
    }
}
