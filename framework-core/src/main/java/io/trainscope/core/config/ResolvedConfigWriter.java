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
        if (m.plain()) {
            model.put("hidden", m.hidden());
        } else {
            model.put("layers", e.model().layers().stream().map(ResolvedConfigWriter::layer).toList());
        }
        model.put("activation", plugin("name", e.activation()));
        model.put("init", plugin("name", e.init()));
        if (e.model().biasInit() != null) {
            model.put("bias-init", e.model().biasInit().toMap());
        }
        if (!m.defaults().bias()) {
            model.put("bias", false);
        }
        if (m.defaults().dropout() > 0) {
            model.put("dropout", m.defaults().dropout());
        }
        model.put("normalizers", e.normalizers().stream().map(n -> plugin("name", n)).toList());
        Map<String, Object> output = output(m.output(), e.model().output());
        if (!output.isEmpty()) {
            model.put("output", output);
        }
        return model;
    }

    /** A layer entry: its type and geometry, and the settings it sets itself, resolved. */
    private static Map<String, Object> layer(ResolvedLayer layer) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", layer.type().configName());
        if (layer.type() == LayerType.DENSE) {
            entry.put("units", layer.units());
        } else if (layer.type() == LayerType.CONV2D) {
            entry.put("filters", layer.units());
        }
        LayerWindow w = layer.spec().window();
        if (w != null) {
            entry.put("kernel", w.kernel().toConfig());
            entry.put("stride", w.stride().toConfig());
            entry.put("padding", w.padding().toConfig());
        }
        if (!layer.type().weighted()) {
            return entry;
        }
        LayerSettings own = layer.spec().settings();
        if (own.activation() != null) {
            entry.put("activation", plugin("name", layer.activation()));
        }
        if (own.init() != null) {
            entry.put("init", plugin("name", layer.init()));
        }
        if (own.biasInit() != null) {
            entry.put("bias-init", layer.biasInit().toMap());
        }
        if (own.bias() != null) {
            entry.put("bias", own.bias());
        }
        if (own.dropout() != null) {
            entry.put("dropout", own.dropout());
        }
        if (own.normalizers() != null) {
            entry.put("normalizers", layer.normalizer() == null ? List.of() : List.of(plugin("name", layer.normalizer())));
        }
        return entry;
    }

    private static Map<String, Object> output(OutputSpec spec, ResolvedOutputLayer resolved) {
        Map<String, Object> output = new LinkedHashMap<>();
        if (spec.activation() != null) {
            output.put("activation", spec.activation());
        }
        if (spec.loss() != null) {
            output.put("loss", spec.loss());
        }
        if (spec.init() != null) {
            output.put("init", plugin("name", resolved.init()));
        }
        if (spec.weightScale() != 1.0) {
            output.put("weight-scale", spec.weightScale());
        }
        if (spec.biasInit() != null) {
            output.put("bias-init", resolved.biasInit().toMap());
        }
        return output;
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
        RegularizationSpec r = t.regularization();
        if (r.weightDecay() != null) {
            training.put("weight-decay", Map.of("type", r.weightDecay().type(), "value", r.weightDecay().value()));
        }
        if (r.clipping() != null) {
            training.put("gradient-clipping", Map.of("type", r.clipping().type(), "threshold", r.clipping().threshold()));
        }
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
