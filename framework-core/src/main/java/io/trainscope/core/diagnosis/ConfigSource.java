package io.trainscope.core.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainscope.core.config.ConfigException;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.ConfigText;
import io.trainscope.core.config.ExperimentSpec;
import io.trainscope.core.sweep.SweepPath;
import io.trainscope.core.sweep.TreeEdit;

import java.nio.file.Path;
import java.util.List;

/**
 * A config as a tree, before it is parsed, with where it came from: what a probe runs and what a
 * prescription edits ({@link #with}, through the sweep's {@link TreeEdit}, so a prescribed change
 * is applied exactly as a sweep entry is).
 *
 * @param tree        the config tree (never modified: edits return a copy)
 * @param defaultName the experiment name when the tree has none
 * @param origin      how messages name the config
 * @param directory   where its relative paths resolve
 */
public record ConfigSource(ObjectNode tree, String defaultName, String origin, Path directory) {

    public ConfigSource {
        tree = tree.deepCopy();
    }

    /** A copy of the tree: changing it leaves this source as it is. */
    @Override
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    /**
     * Reads a config file (bounded and strict, as {@code train} reads it).
     *
     * @throws ConfigException when the file is not a config of one experiment
     */
    public static ConfigSource load(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        JsonNode root = ConfigLoader.readTree(ConfigText.read(file), file.toString());
        if (!(root instanceof ObjectNode map)) {
            throw new ConfigException("", file + " is not a config: it must be a map with 'data' and 'model'");
        }
        if (map.has(ConfigLoader.SWEEP)) {
            throw new ConfigException(ConfigLoader.SWEEP, "diagnose looks at one experiment; remove the sweep section "
                    + "or diagnose one of the sweep's run folders");
        }
        return new ConfigSource(map, stem, file.toString(), file.toAbsolutePath().getParent());
    }

    /** The parsed experiment (structure checked, plugins not yet). */
    public ExperimentSpec parse() {
        return new ConfigLoader().parse(tree.deepCopy(), defaultName, origin, directory);
    }

    /** A copy with {@code changes} applied in order. */
    public ConfigSource with(List<ConfigChange> changes) {
        ObjectNode copy = tree.deepCopy();
        for (ConfigChange c : changes) {
            TreeEdit.set(copy, SweepPath.parse(c.path()), c.value());
        }
        return new ConfigSource(copy, defaultName, origin, directory);
    }

    /** The node at a dotted path without list indices ({@code model.normalizers}), or a missing node. */
    public JsonNode at(String dottedPath) {
        JsonNode node = tree;
        for (String key : dottedPath.split("\\.")) {
            node = node.path(key);
        }
        return node;
    }
}
