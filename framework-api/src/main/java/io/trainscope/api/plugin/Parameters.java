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

    /**
     * Checks raw values (as a YAML parser produces them) against a plugin's declarations: unknown
     * names, wrong types, out-of-range values and missing required parameters are rejected;
     * absent ones get their defaults; then the plugin's own {@link Plugin#validate} runs.
     *
     * @throws ParameterException naming the offending parameter, with the allowed values
     */
    public static Parameters resolve(Plugin plugin, Map<String, ?> raw) {
        Parameters params = ParameterConversion.resolve(plugin.name(), plugin.parameters(), raw);
        plugin.validate(params);
        return params;
    }

    /** As {@link #resolve(Plugin, Map)} for something that declares parameters without being a plugin. */
    public static Parameters resolve(String owner, java.util.List<ParameterSpec> specs, Map<String, ?> raw) {
        return ParameterConversion.resolve(owner, specs, raw);
    }

    /**
     * A plugin's defaults, checked by its {@link Plugin#validate}.
     *
     * @throws ParameterException when a parameter is required (has no default)
     */
    public static Parameters defaults(Plugin plugin) {
        return resolve(plugin, Map.of());
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

    /** An integer parameter that may exceed the range of {@code int} (a seed, a count of examples). */
    public long longInteger(String name) {
        return ((Number) get(name)).longValue();
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
