package io.trainscope.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainscope.core.config.ConfigException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of a config's {@code sweep} section: a config path and the values to try there, each
 * with a short label for tables and run names ({@code relu}, {@code 0.01},
 * {@code leaky-relu(negative-slope=0.1)}).
 *
 * @param path   where the values go
 * @param values the values, as the config wrote them
 * @param labels one label per value, distinct
 */
public record SweepAxis(SweepPath path, List<JsonNode> values, List<String> labels) {

    /** The most runs one sweep may plan (combinations times seeds). */
    public static final int MAX_RUNS = 1000;

    public SweepAxis {
        values = List.copyOf(values);
        labels = List.copyOf(labels);
    }

    /**
     * Reads a {@code sweep} section: a map from config paths to lists of values.
     *
     * @throws ConfigException naming the entry when the section is not such a map, a list is
     *                         empty or repeats a value, or the grid is larger than {@link #MAX_RUNS}
     */
    static List<SweepAxis> section(JsonNode sweep) {
        if (sweep == null || !sweep.isObject() || sweep.isEmpty()) {
            throw new ConfigException(Sweeps.SECTION, "must be a map from config paths to lists of values, e.g. "
                    + "{model.activation: [sigmoid, tanh, relu]}");
        }
        List<SweepAxis> axes = new ArrayList<>();
        long combinations = 1;
        for (Iterator<Map.Entry<String, JsonNode>> it = sweep.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            SweepAxis axis = axis(SweepPath.parse(e.getKey()), e.getValue());
            combinations *= axis.values().size();
            if (combinations > MAX_RUNS) {
                throw new ConfigException(Sweeps.SECTION, "combines more than " + MAX_RUNS + " runs; sweep fewer values");
            }
            axes.add(axis);
        }
        return axes;
    }

    private static SweepAxis axis(SweepPath path, JsonNode list) {
        String at = Sweeps.SECTION + "." + path.text();
        if (!list.isArray()) {
            throw new ConfigException(at, "must be a list of the values to try, e.g. [sigmoid, tanh, relu], got "
                    + label(list));
        }
        if (list.isEmpty()) {
            throw new ConfigException(at, "lists no values; give at least one");
        }
        List<JsonNode> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode value : list) {
            if (value.isNull()) {
                throw new ConfigException(at, "lists an empty value; remove it or write the value");
            }
            String label = label(value);
            if (!seen.add(label)) {
                throw new ConfigException(at, "lists " + label + " twice");
            }
            values.add(value);
            labels.add(label);
        }
        return new SweepAxis(path, values, labels);
    }

    /** A value written short: text and numbers as they are, a plugin map as {@code name(key=value, ...)}. */
    static String label(JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(label(v)));
            return "[" + String.join(", ", items) + "]";
        }
        String name = value.has("name") && value.get("name").isTextual() ? value.get("name").asText()
                : value.has("source") && value.get("source").isTextual() ? value.get("source").asText() : "";
        List<String> items = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (name.isEmpty() || !(e.getKey().equals("name") || e.getKey().equals("source"))) {
                items.add(e.getKey() + "=" + label(e.getValue()));
            }
        }
        if (name.isEmpty()) {
            return "{" + String.join(", ", items) + "}";
        }
        return items.isEmpty() ? name : name + "(" + String.join(", ", items) + ")";
    }
}
