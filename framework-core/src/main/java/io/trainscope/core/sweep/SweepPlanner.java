package io.trainscope.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.config.ConfigException;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.ExperimentResolver;
import io.trainscope.core.config.ExperimentSpec;
import io.trainscope.core.config.ResolvedExperiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a config's {@code sweep} section into runs: the grid of the swept values (the first
 * path varies slowest), each combination set into a copy of the config tree <em>before</em> the
 * tree is parsed, then parsed and resolved like any config, so every combination gets the full
 * validation. The first combination that fails stops the planning with a one-line message naming
 * the sweep entry; nothing has been loaded or trained by then. Each combination trains once per
 * seed of its config.
 */
final class SweepPlanner {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final int MAX_NAME_PART = 40;

    private final ExperimentResolver resolver;

    SweepPlanner(ExperimentResolver resolver) {
        this.resolver = resolver;
    }

    /** The sweep of a config tree, or null when the tree has no sweep section. */
    SweepPlan plan(SweepSource source) {
        JsonNode root = ConfigLoader.readTree(source.text(), source.origin());
        if (root == null || !root.isObject() || !root.has(Sweeps.SECTION)) {
            return null;
        }
        List<SweepAxis> axes = SweepAxis.section(root.get(Sweeps.SECTION));
        ObjectNode base = ((ObjectNode) root).deepCopy();
        base.remove(Sweeps.SECTION);
        source.overrides().forEach((path, value) -> TreeEdit.set(base, SweepPath.parse(path), PLAIN.valueToTree(value)));
        String name = base.path("name").isTextual() ? base.get("name").asText() : source.defaultName();
        List<PlannedRun> runs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int combinations = axes.stream().mapToInt(a -> a.values().size()).reduce(1, (a, b) -> a * b);
        for (int c = 0; c < combinations; c++) {
            int[] choice = choice(axes, c);
            Map<String, String> settings = settings(axes, choice);
            String runName = uniqueName(name, axes, choice, c, names);
            ResolvedExperiment experiment = resolve(source, base, axes, choice, runName, settings);
            for (long seed : experiment.spec().training().seeds()) {
                if (runs.size() == SweepAxis.MAX_RUNS) {
                    throw new ConfigException(Sweeps.SECTION, "with every seed, plans more than " + SweepAxis.MAX_RUNS
                            + " runs; sweep fewer values or seeds");
                }
                ResolvedExperiment single = experiment.forSeed(seed);
                runs.add(new PlannedRun(runs.size(), single.name(), settings, seed, single));
            }
        }
        return new SweepPlan(name, source.origin(), source.directory(), source.text(), source.overrides(), axes, runs);
    }

    /** The value index of each axis in combination {@code c}: the last axis varies fastest. */
    private static int[] choice(List<SweepAxis> axes, int c) {
        int[] choice = new int[axes.size()];
        for (int a = axes.size() - 1; a >= 0; a--) {
            int n = axes.get(a).values().size();
            choice[a] = c % n;
            c /= n;
        }
        return choice;
    }

    private static Map<String, String> settings(List<SweepAxis> axes, int[] choice) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int a = 0; a < axes.size(); a++) {
            settings.put(axes.get(a).path().text(), axes.get(a).labels().get(choice[a]));
        }
        return settings;
    }

    private ResolvedExperiment resolve(SweepSource source, ObjectNode base, List<SweepAxis> axes, int[] choice,
                                       String runName, Map<String, String> settings) {
        try {
            ObjectNode tree = base.deepCopy();
            for (int a = 0; a < axes.size(); a++) {
                TreeEdit.set(tree, axes.get(a).path(), axes.get(a).values().get(choice[a]));
            }
            tree.put("name", runName);
            ExperimentSpec spec = new ConfigLoader().parse(tree, runName, source.origin(), source.directory());
            return resolver.resolve(spec);
        } catch (TrainscopeException e) {
            throw new TrainscopeException(where(e, axes, settings) + ": " + e.getMessage(), e);
        }
    }

    /** The sweep entry an error lies on, else the whole combination. */
    private static String where(TrainscopeException e, List<SweepAxis> axes, Map<String, String> settings) {
        if (e instanceof ConfigException c) {
            for (SweepAxis axis : axes) {
                if (axis.path().relatedTo(c.path())) {
                    return "sweep entry " + axis.path().text() + " = " + settings.get(axis.path().text());
                }
            }
        }
        List<String> all = new ArrayList<>();
        settings.forEach((path, label) -> all.add(path + " = " + label));
        return "sweep combination " + String.join(", ", all);
    }

    /** {@code <name>-<value>-<value>}, made safe for a folder name and unique within the sweep. */
    private static String uniqueName(String name, List<SweepAxis> axes, int[] choice, int c, Set<String> taken) {
        StringBuilder sb = new StringBuilder(name);
        for (int a = 0; a < axes.size(); a++) {
            sb.append('-').append(namePart(axes.get(a), choice[a]));
        }
        String candidate = sb.toString();
        if (!taken.add(candidate)) {
            candidate = candidate + "-" + (c + 1);
            taken.add(candidate);
        }
        return candidate;
    }

    /** A value's label as part of a folder name; numbers and booleans get the key they set ({@code learning-rate-0.01}). */
    private static String namePart(SweepAxis axis, int i) {
        JsonNode value = axis.values().get(i);
        String label = axis.labels().get(i);
        if (value.isNumber() || value.isBoolean()) {
            List<Object> segments = axis.path().segments();
            String key = segments.stream().filter(String.class::isInstance).map(String.class::cast)
                    .reduce((a, b) -> b).orElse("");
            label = key + "-" + label;
        }
        String safe = label.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
        safe = safe.length() > MAX_NAME_PART ? safe.substring(0, MAX_NAME_PART) : safe;
        return safe.isEmpty() ? "value" + (i + 1) : safe;
    }

    /**
     * Config text with where it came from and what overrides it.
     *
     * @param text        the config text
     * @param defaultName the name when the config has none
     * @param origin      how messages name the text
     * @param directory   where its relative paths resolve
     * @param overrides   values set over the config before expansion, by path
     */
    record SweepSource(String text, String defaultName, String origin, Path directory, Map<String, Object> overrides) {
    }
}
