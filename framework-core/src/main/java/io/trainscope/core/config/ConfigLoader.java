package io.trainscope.core.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an experiment config (YAML, or JSON, which is YAML too) into an {@link ExperimentSpec},
 * checking structure and value ranges with the path of every offending field. Plugin names and
 * plugin parameters are checked later, against the registry.
 *
 * <p>The format is documented in {@code docs/config.md}.
 */
public final class ConfigLoader {

    /**
     * The names of the monitors a config gets when it has no {@code monitors} entry (with the
     * parameters {@link #defaultMonitors()} gives them).
     */
    public static final List<String> DEFAULT_MONITORS = List.of("dead-neurons", "gradient-norms", "non-finite",
            "initial-loss", "symmetry", "saturation", "variance-flow");

    /** Sampling that looks at the initialization only: the checks that cost nothing after iteration 0. */
    private static final Map<String, Map<String, Object>> AT_START_ONLY = Map.of(
            "symmetry", Map.of("every", 0), "saturation", Map.of("every", 0), "variance-flow", Map.of("every", 0));

    /** The top-level key of a sweep section (see {@code docs/config.md}). */
    public static final String SWEEP = "sweep";

    private static final Set<String> TOP = Set.of("name", "data", "model", "training", "monitors");
    private static final Set<String> DATA_RESERVED = Set.of("source", "part", "test-part", "split", "base-directory");
    private static final Set<String> SPLIT = Set.of("train", "validation", "test", "seed");
    private static final Set<String> TRAINING = Set.of("optimizer", "schedule", "epochs", "batch-size", "seed", "seeds",
            "early-stopping", "checkpoints", "backend", "spark", "weight-decay", "gradient-clipping",
            "on-non-finite", "on-monitor-error");
    private static final Set<String> EARLY_STOPPING = Set.of("metric", "patience", "min-delta");
    private static final Set<String> CHECKPOINTS = Set.of("every-epochs", "keep-last", "every-iterations");

    /**
     * Reads a config file; the experiment name defaults to the file name without extension.
     * The file is refused before it is parsed when it is larger than {@link ConfigLimits#MAX_BYTES}
     * or not UTF-8 ({@link ConfigText}).
     */
    public ExperimentSpec load(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        return parse(ConfigText.read(file), stem, file.toString(), file.toAbsolutePath().getParent());
    }

    /**
     * Parses config text. The text is bounded by {@link ConfigLimits} and parsed strictly
     * ({@link YamlTree}): a key given twice, a tag, an anchor or alias, a number that is not
     * finite, and a second document are refused.
     *
     * @param defaultName the name used when the config has none
     * @param origin      where the text came from, for messages
     * @param directory   the directory relative data paths are resolved against
     */
    public ExperimentSpec parse(String text, String defaultName, String origin, Path directory) {
        return parse(readTree(text, origin), defaultName, origin, directory);
    }

    /**
     * Reads config text into a tree, bounded and strictly as {@link #parse(String, String, String, Path)}
     * does, without interpreting it (a sweep expands the tree before each variant is parsed).
     *
     * @return the document's root, or null for an empty document
     */
    public static JsonNode readTree(String text, String origin) {
        ConfigText.checkLength(text, origin);
        return YamlTree.read(text, origin);
    }

    /**
     * Parses a config tree from {@link #readTree}. A tree with a {@value #SWEEP} section is refused:
     * it describes several experiments, which {@code io.trainscope.core.sweep} expands first.
     */
    public ExperimentSpec parse(JsonNode root, String defaultName, String origin, Path directory) {
        if (root != null && root.isObject() && root.has(SWEEP)) {
            throw new ConfigException(SWEEP, "this config is a sweep of several experiments; train it with "
                    + "'trainscope train', which expands the sweep (or Sweeps.plan when embedding)");
        }
        if (root == null || root.isNull()) {
            throw new ConfigException("", origin + " is empty; a config needs at least 'data' and 'model'");
        }
        if (!root.isObject()) {
            throw new ConfigException("", origin + " must be a map with the keys " + new TreeSet<>(TOP) + " at its top, got "
                    + new ConfigNode(root, "").describe());
        }
        ConfigNode top = new ConfigNode(root, "").requireObject(TOP);
        String name = ConfigRules.name(top.text("name", defaultName));
        if (!top.has("data")) {
            throw new ConfigException("data", "missing: say where the examples come from, e.g. 'source: idx'");
        }
        if (!top.has("model")) {
            throw new ConfigException("model", "missing: describe the network, e.g. 'hidden: [512, 256]'");
        }
        return new ExperimentSpec(name, data(top.get("data"), directory), ModelSection.read(top.get("model")),
                training(top.get("training")), monitors(top.get("monitors")));
    }

    /** Reads a data section from a file ({@link #parseData}), bounded and decoded as {@link #load} does. */
    public DataSpec loadData(Path file) {
        return parseData(ConfigText.read(file), file.toString(), file.toAbsolutePath().getParent());
    }

    /**
     * Parses a data section on its own (for {@code trainscope evaluate --data}): either a map with
     * {@code source} and its parameters, or a document with a top-level {@code data} key.
     */
    public DataSpec parseData(String text, String origin, Path directory) {
        ConfigText.checkLength(text, origin);
        JsonNode root = YamlTree.read(text, origin);
        if (root == null || !root.isObject()) {
            throw new ConfigException("", origin + " must be a map like {source: idx, path: data/mnist}");
        }
        ConfigNode node = new ConfigNode(root.has("data") ? root.get("data") : root, "data");
        return data(node, directory);
    }

    private DataSpec data(ConfigNode data, Path directory) {
        if (data.isText()) {
            return new DataSpec(data.pluginRef("source", DATA_RESERVED), null, null, SplitSpec.ALL_TRAINING, directory);
        }
        if (!data.isObject()) {
            throw new ConfigException(data.path(), "must be a map with 'source' and its parameters, got " + data.describe());
        }
        PluginRef source = data.pluginRef("source", DATA_RESERVED);
        SplitSpec split = SplitSpec.ALL_TRAINING;
        ConfigNode s = data.get("split");
        if (!s.isMissing()) {
            s.requireObject(SPLIT);
            double validation = s.real("validation", 0.0, 0.0, 1.0);
            double test = s.real("test", 0.0, 0.0, 1.0);
            double train = s.real("train", Math.max(0.0, 1.0 - validation - test), 0.0, 1.0);
            ConfigRules.split(train, validation, test);
            Long seed = s.has("seed") ? s.get("seed").asLong() : null;
            split = new SplitSpec(train, validation, test, seed);
        }
        String base = data.text("base-directory", null);
        Path baseDirectory = base == null ? directory
                : directory == null ? Path.of(base) : directory.resolve(base);
        return new DataSpec(source, data.text("part", null), data.text("test-part", null), split, baseDirectory);
    }

    private TrainingSpec training(ConfigNode t) {
        if (t.isMissing()) {
            return new TrainingSpec(defaultOptimizer(), null, 10, 32, List.of(42L), null, CheckpointSpec.DEFAULT);
        }
        t.requireObject(TRAINING);
        PluginRef optimizer = t.has("optimizer") ? t.get("optimizer").pluginRef("name", Set.of()) : defaultOptimizer();
        PluginRef schedule = t.has("schedule") ? t.get("schedule").pluginRef("name", Set.of()) : null;
        int epochs = t.integer("epochs", 10, 1);
        int batch = t.integer("batch-size", 32, 1);
        if (t.has("seed") && t.has("seeds")) {
            throw new ConfigException(t.child("seeds"), "give either 'seed' or 'seeds', not both");
        }
        List<Long> seeds = t.has("seeds") ? t.get("seeds").list(ConfigNode::asLong)
                : List.of(t.has("seed") ? t.get("seed").asLong() : 42L);
        if (seeds.isEmpty()) {
            throw new ConfigException(t.child("seeds"), "must list at least one seed");
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new ConfigException(t.child("seeds"), "lists a seed twice: " + seeds);
        }
        EarlyStoppingSpec early = null;
        ConfigNode e = t.get("early-stopping");
        if (!e.isMissing()) {
            e.requireObject(EARLY_STOPPING);
            String metric = choice(e, "metric", EarlyStoppingSpec.METRICS);
            early = new EarlyStoppingSpec(metric == null ? "validation.loss" : metric,
                    e.integer("patience", 5, 1), e.real("min-delta", 0.0, 0.0, Double.MAX_VALUE));
        }
        CheckpointSpec checkpoints = CheckpointSpec.DEFAULT;
        ConfigNode c = t.get("checkpoints");
        if (!c.isMissing()) {
            c.requireObject(CHECKPOINTS);
            checkpoints = new CheckpointSpec(c.integer("every-epochs", 1, 0), c.integer("keep-last", 3, 1),
                    c.integer("every-iterations", 0, 0));
        }
        return new TrainingSpec(optimizer, schedule, epochs, batch, seeds, early, checkpoints, SparkSpec.parse(t, batch),
                RegularizationSpec.parse(t), faults(t));
    }

    /** {@code training.on-non-finite} and {@code training.on-monitor-error}. */
    private static FaultSpec faults(ConfigNode t) {
        String nonFinite = choice(t, "on-non-finite", FaultSpec.NonFinite.keys());
        String monitorError = choice(t, "on-monitor-error", FaultSpec.MonitorError.keys());
        return new FaultSpec(nonFinite == null ? FaultSpec.DEFAULT.onNonFinite() : FaultSpec.NonFinite.of(nonFinite),
                monitorError == null ? FaultSpec.DEFAULT.onMonitorError() : FaultSpec.MonitorError.of(monitorError));
    }

    private static PluginRef defaultOptimizer() {
        return PluginRef.of("sgd");
    }

    /**
     * The monitors of a config without a {@code monitors} entry: {@code dead-neurons},
     * {@code gradient-norms} and {@code non-finite} at their defaults, and the checks that cost
     * nothing after the initialization, at iteration 0 only: {@code initial-loss}, {@code symmetry},
     * {@code saturation} and {@code variance-flow} ({@code every: 0}). {@code trainscope diagnose}
     * looks closer.
     */
    public static List<PluginRef> defaultMonitors() {
        return DEFAULT_MONITORS.stream().map(name -> PluginRef.of(name, AT_START_ONLY.getOrDefault(name, Map.of())))
                .toList();
    }

    private static List<PluginRef> monitors(ConfigNode m) {
        if (m.isMissing()) {
            return defaultMonitors();
        }
        if (m.isObject()) {
            // map form: {gradient-norms: {every: 10}, dead-neurons: {}}
            List<PluginRef> refs = new ArrayList<>();
            for (String key : m.fieldNames()) {
                ConfigNode params = m.get(key);
                refs.add(PluginRef.of(key, params.isMissing() ? Map.of() : params.asParams()));
            }
            return refs;
        }
        return m.list(e -> e.pluginRef("name", Set.of()));
    }

    private static String choice(ConfigNode node, String key, List<String> allowed) {
        return ConfigRules.oneOf(node.child(key), node.text(key, null), allowed, true);
    }
}
