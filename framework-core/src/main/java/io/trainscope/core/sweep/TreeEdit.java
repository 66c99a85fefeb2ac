package io.trainscope.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainscope.core.config.ConfigException;

/**
 * Sets a value at a {@link SweepPath} in a config tree, before the tree is parsed. Missing maps
 * on the way are created; a plugin named by its bare name on the way ({@code optimizer: momentum})
 * becomes the map form ({@code {name: momentum}}) so that one of its parameters can be set; list
 * indices must exist. Setting {@code training.seed} removes {@code training.seeds} and the other
 * way round, so a sweep over seeds replaces the config's seed. Public so that a diagnosis'
 * prescription is applied exactly as a sweep entry is.
 */
public final class TreeEdit {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DATA = "data";
    private static final String TRAINING = "training";

    private TreeEdit() {
    }

    /**
     * Sets {@code value} (a copy) at {@code path} in {@code root}.
     *
     * @throws ConfigException at the path when the tree has no place for it
     */
    public static void set(ObjectNode root, SweepPath path, JsonNode value) {
        JsonNode node = root;
        int last = path.segments().size() - 1;
        for (int i = 0; i < last; i++) {
            node = step(node, path, i);
        }
        Object end = path.segments().get(last);
        if (end instanceof Integer index) {
            element(node, path, last, index).set(index, value.deepCopy());
        } else {
            ObjectNode map = object(node, path, last);
            map.set((String) end, value.deepCopy());
            dropOtherSeeds(path, map, (String) end);
        }
    }

    /** The node segment {@code i} of {@code path} leads to from {@code node}, created when missing. */
    private static JsonNode step(JsonNode node, SweepPath path, int i) {
        Object segment = path.segments().get(i);
        boolean listNext = path.segments().get(i + 1) instanceof Integer;
        if (segment instanceof Integer index) {
            return element(node, path, i, index).get(index);
        }
        ObjectNode map = object(node, path, i);
        JsonNode child = map.get((String) segment);
        if (child == null || child.isNull()) {
            if (listNext) {
                throw new ConfigException(path.prefix(i + 1), "the config has no list here, so "
                        + path.text() + " cannot be swept; write the list in the config first");
            }
            child = map.putObject((String) segment);
        } else if (child.isTextual() && !listNext) {
            child = promote(map, (String) segment, path.prefix(i + 1));
        }
        return child;
    }

    /** A plugin's bare name replaced by the map form, with the name under its key. */
    private static ObjectNode promote(ObjectNode parent, String key, String at) {
        String nameKey = at.equals(DATA) ? "source" : "name";
        ObjectNode map = NODES.objectNode().put(nameKey, parent.get(key).asText());
        parent.set(key, map);
        return map;
    }

    private static ObjectNode object(JsonNode node, SweepPath path, int i) {
        if (!(node instanceof ObjectNode map)) {
            throw new ConfigException(path.prefix(i), "holds " + describe(node) + ", not a map, so " + path.text()
                    + " cannot be swept");
        }
        return map;
    }

    private static ArrayNode element(JsonNode node, SweepPath path, int i, int index) {
        if (!(node instanceof ArrayNode list)) {
            throw new ConfigException(path.prefix(i), "holds " + describe(node) + ", not a list, so " + path.text()
                    + " cannot be swept");
        }
        if (index >= list.size()) {
            throw new ConfigException(path.prefix(i), "has " + list.size() + " entries, so " + path.prefix(i + 1)
                    + " does not exist; sweep an index from 0 to " + (list.size() - 1));
        }
        return list;
    }

    /** {@code training.seed} and {@code training.seeds} exclude each other: the swept one wins. */
    private static void dropOtherSeeds(SweepPath path, ObjectNode map, String key) {
        if (path.segments().size() == 2 && TRAINING.equals(path.segments().get(0))) {
            if (key.equals("seed")) {
                map.remove("seeds");
            } else if (key.equals("seeds")) {
                map.remove("seed");
            }
        }
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        return node.isArray() ? "a list" : node.isObject() ? "a map" : "'" + node.asText() + "'";
    }
}
