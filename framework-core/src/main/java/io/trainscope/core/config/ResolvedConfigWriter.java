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
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", e.spec().name());
        root.put("data", data(e));
        root.put("model", model(e));
        root.put("training", training(e));
        root.put("monitors", monitors(e.monitors()));
        return root;
    }

    /** A {@code monitors:} section with every parameter filled in, as a config lists it. */
    public static List<Map<String, Object>> monitors(List<ResolvedMonitor> monitors) {
        return monitors.stream().map(m -> plugin("name", m.configured())).toList();
    }

    /** Nested maps as a YAML document, in the style of a run's {@code config.yaml}. */
    public static String yaml(Map<String, Object> document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Map<String, Object> data(ResolvedExperiment e) {
        DataSpec d = e.spec().data();
        Map<String, Object> data = plugin("source", e.dataSource());
        data.put("base-directory", d.baseDirectory().toString());
        if (d.part() != null) {
            data.put("part", d.part());
        }
        if (d.testPart() != null) {
            data.put("test-part", d.testPart());
        }
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("train", d.split().train());
        split.put("validation", d.split().validation());
        split.put("test", d.split().test());
        if (d.split().seed() != null) {
            split.put("seed", d.split().seed());
        }
        data.put("split", split);
        return data;
    }

    private static Map<String, Object> model(ResolvedExperiment e) {
        ModelSpec m = e.spec().model();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("hidden", m.hidden());
        model.put("activation", plugin("name", e.activation()));
        model.put("init", plugin("name", e.init()));
        model.put("normalizers", e.normalizers().stream().map(n -> plugin("name", n)).toList());
        Map<String, Object> output = new LinkedHashMap<>();
        if (m.output().activation() != null) {
            output.put("activation", m.output().activation());
        }
        if (m.output().loss() != null) {
            output.put("loss", m.output().loss());
        }
        if (!output.isEmpty()) {
            model.put("output", output);
        }
        return model;
    }

    private static Map<String, Object> training(ResolvedExperiment e) {
        TrainingSpec t = e.spec().training();
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("optimizer", named("name", e.optimizer().configName(), e.optimizerParams()));
        if (e.schedule() != null) {
            training.put("schedule", named("name", e.schedule().configName(), e.scheduleParams()));
        }
        training.put("epochs", t.epochs());
        training.put("batch-size", t.batchSize());
        List<Long> seeds = t.seeds();
        if (seeds.size() == 1) {
            training.put("seed", seeds.get(0));
        } else {
            training.put("seeds", seeds);
        }
        if (t.earlyStopping() != null) {
            var es = t.earlyStopping();
            training.put("early-stopping", Map.of("metric", es.metric(), "patience", es.patience(), "min-delta", es.minDelta()));
        }
        Map<String, Object> checkpoints = new LinkedHashMap<>();
        checkpoints.put("every-epochs", t.checkpoints().everyEpochs());
        checkpoints.put("keep-last", t.checkpoints().keepLast());
        checkpoints.put("every-iterations", t.checkpoints().everyIterations());
        training.put("checkpoints", checkpoints);
        training.put("on-non-finite", t.faults().onNonFinite().key());
        training.put("on-monitor-error", t.faults().onMonitorError().key());
        if (t.spark() != null) {
            training.put("backend", t.backend());
            training.put("spark", t.spark().toMap());
        }
        return training;
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
