package io.trainscope.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.plugin.Configured;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ResolvedExperiment} back as a config with every default filled in: the
 * {@code config.yaml} of a run folder. {@link ConfigLoader} reads it back to the same experiment,
 * so a run can be repeated from its folder alone.
 */
public final class ResolvedConfigWriter {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ResolvedConfigWriter() {
    }

    /** The experiment as a YAML document. */
    public static String toYaml(ResolvedExperiment e) {
        try {
            return YAML.writeValueAsString(toMap(e));
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The experiment as nested maps, in config order. */
    public static Map<String, Object> toMap(ResolvedExperiment e) {
        ExperimentSpec s = e.spec();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", s.name());

        Map<String, Object> data = plugin("source", e.dataSource());
        data.put("base-directory", s.data().baseDirectory().toString());
        if (s.data().part() != null) {
            data.put("part", s.data().part());
        }
        if (s.data().testPart() != null) {
            data.put("test-part", s.data().testPart());
        }
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("train", s.data().split().train());
        split.put("validation", s.data().split().validation());
        split.put("test", s.data().split().test());
        if (s.data().split().seed() != null) {
            split.put("seed", s.data().split().seed());
        }
        data.put("split", split);
        root.put("data", data);

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("hidden", s.model().hidden());
        model.put("activation", plugin("name", e.activation()));
        model.put("init", plugin("name", e.init()));
        model.put("normalizers", e.normalizers().stream().map(n -> plugin("name", n)).toList());
        Map<String, Object> output = new LinkedHashMap<>();
        if (s.model().output().activation() != null) {
            output.put("activation", s.model().output().activation());
        }
        if (s.model().output().loss() != null) {
            output.put("loss", s.model().output().loss());
        }
        if (!output.isEmpty()) {
            model.put("output", output);
        }
        root.put("model", model);

        Map<String, Object> training = new LinkedHashMap<>();
        training.put("optimizer", named("name", e.optimizer().configName(), e.optimizerParams()));
        if (e.schedule() != null) {
            training.put("schedule", named("name", e.schedule().configName(), e.scheduleParams()));
        }
        training.put("epochs", s.training().epochs());
        training.put("batch-size", s.training().batchSize());
        List<Long> seeds = s.training().seeds();
        if (seeds.size() == 1) {
            training.put("seed", seeds.get(0));
        } else {
            training.put("seeds", seeds);
        }
        if (s.training().earlyStopping() != null) {
            var es = s.training().earlyStopping();
            training.put("early-stopping", Map.of("metric", es.metric(), "patience", es.patience(), "min-delta", es.minDelta()));
        }
        training.put("checkpoints", Map.of("every-epochs", s.training().checkpoints().everyEpochs(),
                "keep-last", s.training().checkpoints().keepLast()));
        if (s.training().spark() != null) {
            training.put("backend", s.training().backend());
            training.put("spark", s.training().spark().toMap());
        }
        root.put("training", training);

        root.put("monitors", e.monitors().stream().map(m -> plugin("name", m)).toList());
        return root;
    }

    private static Map<String, Object> plugin(String nameKey, Configured<?> c) {
        return named(nameKey, c.name(), c.params());
    }

    private static Map<String, Object> named(String nameKey, String name, Parameters params) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(nameKey, name);
        params.asMap().forEach((k, v) -> {
            if (v != null) {
                m.put(k, v);
            }
        });
        return m;
    }
}
