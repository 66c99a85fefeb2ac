package io.trainscope.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainscope.api.internal.Suggestions;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A node of a parsed config file that knows its own path, so every error names the field:
 * {@code training.batch-size: must be an integer >= 1, got 0}.
 */
final class ConfigNode {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final JsonNode node;
    private final String path;

    ConfigNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    boolean isMissing() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    boolean isText() {
        return node != null && node.isTextual();
    }

    boolean isObject() {
        return node != null && node.isObject();
    }

    boolean isArray() {
        return node != null && node.isArray();
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    ConfigNode get(String key) {
        return new ConfigNode(node == null ? null : node.get(key), child(key));
    }

    boolean has(String key) {
        return node != null && node.has(key) && !node.get(key).isNull();
    }

    /** Fails on any key outside {@code allowed}, suggesting the closest allowed key. */
    ConfigNode requireObject(Set<String> allowed) {
        if (!isObject()) {
            throw new ConfigException(path, "must be a map with keys " + new TreeSet<>(allowed) + ", got " + describe());
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ConfigException(child(key), "unknown field" + Suggestions.didYouMean(key, allowed)
                        + "; allowed here: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return this;
    }

    String text(String key, String defaultValue) {
        ConfigNode c = get(key);
        if (c.isMissing()) {
            return defaultValue;
        }
        if (!c.node.isValueNode() || c.node.isBoolean()) {
            throw new ConfigException(c.path, "must be a text, got " + c.describe());
        }
        return c.node.asText();
    }

    int integer(String key, int defaultValue, int min) {
        ConfigNode c = get(key);
        if (c.isMissing()) {
            return defaultValue;
        }
        return c.asInteger(min);
    }

    int asInteger(int min) {
        if (node != null && node.isIntegralNumber() && !node.canConvertToInt()) {
            throw new ConfigException(path, "must be an integer from " + min + " to " + Integer.MAX_VALUE
                    + ", got " + describe());
        }
        if (node == null || !node.isIntegralNumber()) {
            throw new ConfigException(path, "must be an integer >= " + min + ", got " + describe());
        }
        return ConfigRules.atLeast(path, node.intValue(), min);
    }

    long asLong() {
        if (node != null && node.isIntegralNumber() && !node.canConvertToLong()) {
            throw new ConfigException(path, "must be an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                    + ", got " + describe());
        }
        if (node == null || !node.isIntegralNumber()) {
            throw new ConfigException(path, "must be an integer, got " + describe());
        }
        return node.longValue();
    }

    double real(String key, double defaultValue, double min, double max) {
        ConfigNode c = get(key);
        if (c.isMissing()) {
            return defaultValue;
        }
        if (!c.node.isNumber()) {
            throw new ConfigException(c.path, "must be a number in [" + min + ", " + max + "], got " + c.describe());
        }
        return ConfigRules.between(c.path, c.node.doubleValue(), min, max);
    }

    /** A number > 0 (a scale factor). */
    double positive(String key, double defaultValue) {
        ConfigNode c = get(key);
        if (c.isMissing()) {
            return defaultValue;
        }
        if (!c.node.isNumber() || !(c.node.doubleValue() > 0)) {
            throw new ConfigException(c.path, "must be a number > 0, got " + c.describe());
        }
        return c.node.doubleValue();
    }

    boolean bool(String key, boolean defaultValue) {
        ConfigNode c = get(key);
        if (c.isMissing()) {
            return defaultValue;
        }
        if (!c.node.isBoolean()) {
            throw new ConfigException(c.path, "must be true or false, got " + c.describe());
        }
        return c.node.booleanValue();
    }

    <T> List<T> list(Function<ConfigNode, T> element) {
        if (!isArray()) {
            throw new ConfigException(path, "must be a list, got " + describe());
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(element.apply(new ConfigNode(node.get(i), path + "[" + i + "]")));
        }
        return out;
    }

    /**
     * A plugin reference: a bare name, or a map with {@code name} and parameters beside it.
     * Keys in {@code reserved} belong to the enclosing structure, not to the plugin.
     */
    PluginRef pluginRef(String nameKey, Set<String> reserved) {
        if (isText()) {
            return PluginRef.of(node.asText());
        }
        if (!isObject()) {
            throw new ConfigException(path, "must be a plugin name or a map with '" + nameKey
                    + "' and its parameters, got " + describe());
        }
        if (!has(nameKey) || !node.get(nameKey).isTextual()) {
            throw new ConfigException(child(nameKey), "missing: say which plugin to use");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(nameKey) && !reserved.contains(e.getKey())) {
                params.put(e.getKey(), PLAIN.convertValue(e.getValue(), Object.class));
            }
        }
        return PluginRef.of(node.get(nameKey).asText(), params);
    }

    /** The keys of a map node, in file order. */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        if (isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** A map node as raw plugin parameters. */
    Map<String, Object> asParams() {
        if (!isObject()) {
            throw new ConfigException(path, "must be a map of parameters, got " + describe());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), PLAIN.convertValue(e.getValue(), Object.class));
        }
        return params;
    }

    String describe() {
        if (isMissing()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "'" + node.asText() + "'";
        }
        if (node.isObject()) {
            return "a map";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.toString();
    }
}
