package io.trainscope.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment written in code instead of a YAML file. The builder writes the same config tree a
 * file holds and reads it with {@link ConfigLoader}, so it is checked exactly as a file is, with
 * the same one-line messages ({@code training.epochs: must be an integer >= 1, got 0}); plugins
 * and their parameters are then checked by {@code Trainscope.resolve}, as for a file. Every key of
 * {@code docs/config.md} is reachable: the common ones have methods, any other goes through
 * {@link Builder#set(String, Object)}.
 *
 * <pre>{@code
 * ExperimentSpec spec = Experiment.builder("mnist-mlp")
 *         .data("idx", Map.of("path", "data/mnist")).split(0.9, 0.1, 0.0)
 *         .hidden(512, 256).activation("relu").init("he-normal").normalizers("standardize")
 *         .optimizer("adam", Map.of("learning-rate", 0.001)).epochs(5).batchSize(64).seed(42)
 *         .monitor("gradient-norms").monitor("histograms", Map.of("every-epochs", 1))
 *         .build();
 * TrainingResult result = trainscope.trainer().train(trainscope.resolve(spec), RunOptions.defaults());
 * }</pre>
 */
public final class Experiment {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Experiment() {
    }

    /** A builder for the experiment {@code name} (it names the run folders). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects a config tree; {@link #build()} reads it as a file would be read. */
    public static final class Builder {

        private final Map<String, Object> root = new LinkedHashMap<>();
        private Path directory = Path.of("");
        private List<Object> monitors;

        private Builder(String name) {
            root.put("name", name);
        }

        /**
         * Sets any config key by its dotted path, as a file would: {@code set("model.hidden", List.of(64, 64))},
         * {@code set("training.checkpoints.keep-last", 5)}. Values are what YAML gives: text, numbers,
         * booleans, lists and maps.
         */
        public Builder set(String path, Object value) {
            Map<String, Object> node = root;
            String[] keys = path.split("\\.");
            for (int i = 0; i < keys.length - 1; i++) {
                Object child = node.get(keys[i]);
                if (!(child instanceof Map<?, ?>)) {
                    child = new LinkedHashMap<String, Object>();
                    node.put(keys[i], child);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) child;
                node = next;
            }
            node.put(keys[keys.length - 1], value);
            return this;
        }

        /** {@code data.source}: the data source plugin and its parameters. */
        public Builder data(String source, Map<String, ?> parameters) {
            Map<String, Object> data = new LinkedHashMap<>(parameters);
            data.put("source", source);
            data.putAll(reserved("data"));
            root.put("data", data);
            return this;
        }

        /** {@code data.split}: the fractions for training, validation and test. */
        public Builder split(double train, double validation, double test) {
            return set("data.split", new LinkedHashMap<>(Map.of("train", train, "validation", validation, "test", test)));
        }

        /** The directory relative data paths are resolved against (a file's own directory, for a config file). */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** {@code model.hidden}: the width of each hidden layer, input side first. */
        public Builder hidden(int... widths) {
            return set("model.hidden", Arrays.stream(widths).boxed().toList());
        }

        /** {@code model.activation}. */
        public Builder activation(String name) {
            return set("model.activation", name);
        }

        /** {@code model.activation} with parameters. */
        public Builder activation(String name, Map<String, ?> parameters) {
            return set("model.activation", plugin(name, parameters));
        }

        /** {@code model.init}. */
        public Builder init(String name) {
            return set("model.init", name);
        }

        /** {@code model.init} with parameters. */
        public Builder init(String name, Map<String, ?> parameters) {
            return set("model.init", plugin(name, parameters));
        }

        /** {@code model.normalizers}, in order. */
        public Builder normalizers(String... names) {
            return set("model.normalizers", List.of(names));
        }

        /** {@code model.output}: the output activation and loss (null to derive one from the task). */
        public Builder output(String activation, String loss) {
            Map<String, Object> output = new LinkedHashMap<>();
            if (activation != null) {
                output.put("activation", activation);
            }
            if (loss != null) {
                output.put("loss", loss);
            }
            return set("model.output", output);
        }

        /** {@code training.optimizer} with parameters ({@code learning-rate}, ...). */
        public Builder optimizer(String name, Map<String, ?> parameters) {
            return set("training.optimizer", plugin(name, parameters));
        }

        /** {@code training.schedule} with parameters. */
        public Builder schedule(String name, Map<String, ?> parameters) {
            return set("training.schedule", plugin(name, parameters));
        }

        /** {@code training.epochs}. */
        public Builder epochs(int epochs) {
            return set("training.epochs", epochs);
        }

        /** {@code training.batch-size}. */
        public Builder batchSize(int batchSize) {
            return set("training.batch-size", batchSize);
        }

        /** {@code training.seed}. */
        public Builder seed(long seed) {
            return set("training.seed", seed);
        }

        /** {@code training.seeds}: one run per seed. */
        public Builder seeds(long... seeds) {
            return set("training.seeds", Arrays.stream(seeds).boxed().toList());
        }

        /** {@code training.early-stopping} on a validation metric with a patience in epochs. */
        public Builder earlyStopping(String metric, int patience) {
            return set("training.early-stopping", new LinkedHashMap<>(Map.of("metric", metric, "patience", patience)));
        }

        /** {@code training.checkpoints}: every k epochs, keeping the last n. */
        public Builder checkpoints(int everyEpochs, int keepLast) {
            return set("training.checkpoints", new LinkedHashMap<>(Map.of("every-epochs", everyEpochs,
                    "keep-last", keepLast)));
        }

        /** Adds a monitor with its default parameters (the first monitor replaces the default monitors). */
        public Builder monitor(String name) {
            return monitor(name, Map.of());
        }

        /** Adds a monitor with parameters (the first monitor replaces the default monitors). */
        public Builder monitor(String name, Map<String, ?> parameters) {
            if (monitors == null) {
                monitors = new ArrayList<>();
                root.put("monitors", monitors);
            }
            monitors.add(plugin(name, parameters));
            return this;
        }

        /** No monitors at all (a config's {@code monitors: []}). */
        public Builder noMonitors() {
            monitors = new ArrayList<>();
            root.put("monitors", monitors);
            return this;
        }

        /**
         * Reads the tree as {@link ConfigLoader} reads a file.
         *
         * @throws ConfigException at the path of the first value a file could not hold either
         */
        public ExperimentSpec build() {
            String text;
            try {
                text = JSON.writeValueAsString(root);
            } catch (JsonProcessingException e) {
                throw new ConfigException("", "the experiment holds a value a config cannot: " + e.getOriginalMessage());
            }
            return new ConfigLoader().parse(text, String.valueOf(root.get("name")), "the experiment built in code",
                    directory);
        }

        private static Map<String, Object> plugin(String name, Map<String, ?> parameters) {
            Map<String, Object> plugin = new LinkedHashMap<>();
            plugin.put("name", name);
            plugin.putAll(parameters);
            return plugin;
        }

        /** The keys under {@code section} set so far that belong to the section, not to its plugin. */
        private Map<String, Object> reserved(String section) {
            Map<String, Object> kept = new LinkedHashMap<>();
            if (root.get(section) instanceof Map<?, ?> old) {
                old.forEach((k, v) -> {
                    if (List.of("part", "test-part", "split", "base-directory").contains(k)) {
                        kept.put((String) k, v);
                    }
                });
            }
            return kept;
        }
    }
}
