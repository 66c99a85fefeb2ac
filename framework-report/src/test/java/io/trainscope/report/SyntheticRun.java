package io.trainscope.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainscope.api.data.Task;
import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Severity;
import io.trainscope.core.Trainscope;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.plugin.PluginRegistry;
import io.trainscope.core.run.FindingsWriter;
import io.trainscope.core.run.JsonlMeasurementWriter;
import io.trainscope.core.run.Measurement;
import io.trainscope.core.run.MetricCatalogue;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.training.TrainerMetrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes a synthetic run folder through the real writers ({@link JsonlMeasurementWriter},
 * {@link FindingsWriter}): the metrics of whichever monitors a test names, with plausible values
 * (gradient norms shrinking towards the input, sigmoid activations piled at 0 and 1, ...).
 */
public final class SyntheticRun {

    /** Which groups of metrics to write: the trainer's, or a standard monitor's (by its name). */
    public enum Kind {
        TRAINER(null), VALIDATION(null), GRADIENT_NORMS("gradient-norms"), DEAD_NEURONS("dead-neurons"),
        HISTOGRAMS("histograms"), SATURATION("saturation"), VARIANCE_FLOW("variance-flow"), INITIAL_LOSS("initial-loss"),
        UPDATE_RATIO("update-ratio"), SYMMETRY("symmetry");

        final String monitor;

        Kind(String monitor) {
            this.monitor = monitor;
        }
    }

    /** The standard monitors' declarations, as discovered on the test classpath. */
    private static final PluginRegistry PLUGINS = Trainscope.create().plugins();

    static final Set<Kind> ALL = EnumSet.allOf(Kind.class);

    private final Path dir;
    private final String runId;
    private int layers = 4;
    private int epochs = 3;
    private int iterationsPerEpoch = 20;
    private int every = 1;
    private Set<Kind> kinds = ALL;
    private List<Finding> findings = new ArrayList<>();
    private final Random random = new Random(7);
    private final Map<String, Metric> declared = new HashMap<>();
    private boolean catalogue = true;
    private String activation = "sigmoid";
    private Map<String, Object> flatRegion = Map.of("lower", 0.01, "upper", 0.99);

    private SyntheticRun(Path root, String name) throws IOException {
        this.dir = Files.createDirectories(root.resolve(name));
        this.runId = name;
    }

    public static SyntheticRun in(Path root, String name) throws IOException {
        return new SyntheticRun(root, name);
    }

    public SyntheticRun layers(int n) {
        layers = n;
        return this;
    }

    public SyntheticRun epochs(int n, int iterationsPerEpoch) {
        epochs = n;
        this.iterationsPerEpoch = iterationsPerEpoch;
        return this;
    }

    public SyntheticRun every(int n) {
        every = n;
        return this;
    }

    public SyntheticRun kinds(Set<Kind> kinds) {
        this.kinds = kinds;
        return this;
    }

    /** The hidden layers' activation and its flat region as {@code run.json} records it (null bound: none). */
    public SyntheticRun activation(String name, Double lower, Double upper) {
        activation = name;
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("lower", lower);
        region.put("upper", upper);
        flatRegion = region;
        return this;
    }

    /** Leaves {@code catalogue.json} out, as a run folder of an older version. */
    public SyntheticRun withoutCatalogue() {
        catalogue = false;
        return this;
    }

    public SyntheticRun finding(Finding f) {
        findings.add(f);
        return this;
    }

    public static Finding vanishing() {
        return new Finding("gradient-norms", Pathology.VANISHING_GRADIENTS, Severity.WARNING, 0, 0, 0,
                "Gradients vanish towards the input: the first layer gets 1.8e-02 of the last hidden layer's gradient.",
                List.of("hidden-0 gradient norm 1.6e-02 vs hidden-9 9.2e-01", "threshold <script>alert(1)</script>"),
                "Use xavier-normal or he-normal.");
    }

    public static Finding nonFinite() {
        return new Finding("non-finite", Pathology.NON_FINITE, Severity.CRITICAL, null, 42, 1, "NaN in the loss at iteration 42.",
                List.of("loss NaN"), "Lower the learning rate.");
    }

    /** Writes the folder and returns it. */
    public Path write() throws IOException {
        writeRunJson();
        writeCatalogue();
        Files.writeString(dir.resolve(RunFolder.CONFIG), "name: synthetic\nmodel:\n  hidden: [50, 50]\n  activation: sigmoid\n");
        FindingsWriter.write(dir.resolve(RunFolder.FINDINGS), runId, findings);
        try (JsonlMeasurementWriter out = new JsonlMeasurementWriter(dir.resolve(RunFolder.METRICS))) {
            long iteration = 0;
            for (int epoch = 0; epoch < epochs; epoch++) {
                if (kinds.contains(Kind.HISTOGRAMS)) {
                    histograms(out, iteration, epoch);
                }
                for (int b = 0; b < iterationsPerEpoch; b++, iteration++) {
                    perIteration(out, iteration, epoch);
                }
                epochEnd(out, iteration, epoch);
                out.flush();
            }
            if (kinds.contains(Kind.VALIDATION)) {
                out.accept(scalar(iteration, epochs - 1, "trainer", null, "test.accuracy", "ratio", 0.81));
                out.accept(scalar(iteration, epochs - 1, "trainer", null, "test.loss", "loss", 0.52));
            }
        }
        return dir;
    }

    private void perIteration(JsonlMeasurementWriter out, long it, int epoch) {
        double progress = it / (double) Math.max(1, epochs * iterationsPerEpoch);
        if (kinds.contains(Kind.TRAINER)) {
            out.accept(scalar(it, epoch, "trainer", null, "train.loss", "loss",
                    0.3 + 2 * Math.exp(-4 * progress) + 0.05 * random.nextGaussian()));
        }
        if (it == 0 && kinds.contains(Kind.INITIAL_LOSS)) {
            out.accept(scalar(0, 0, "initial-loss", null, "initial.loss", "nats", 7.9));
            out.accept(scalar(0, 0, "initial-loss", null, "initial.loss.expected", "nats", Math.log(10)));
        }
        if (it % every != 0) {
            return;
        }
        double[] norms = new double[layers];
        for (int l = 0; l < layers; l++) {
            norms[l] = Math.pow(10, -3 + 3.0 * l / Math.max(1, layers - 1)) * (1 + 0.5 * progress) * (1 + 0.1 * random.nextGaussian());
        }
        if (kinds.contains(Kind.GRADIENT_NORMS)) {
            for (int l = 0; l < layers; l++) {
                out.accept(scalar(it, epoch, "gradient-norms", l, "layer.gradient.norm", "l2", norms[l]));
            }
            out.accept(scalar(it, epoch, "gradient-norms", null, "gradient.norm.ratio", "ratio", norms[0] / norms[layers - 2]));
        }
        if (kinds.contains(Kind.SATURATION)) {
            for (int l = 0; l < layers - 1; l++) {
                out.accept(scalar(it, epoch, "saturation", l, "layer.saturation.percent", "percent",
                        Math.max(0, 60 - 10 * l - 30 * progress)));
                out.accept(scalar(it, epoch, "saturation", l, "layer.saturated.units", "units", Math.max(0, 5 - l)));
                out.accept(scalar(it, epoch, "saturation", l, "layer.activation.mean", "activation", 0.5));
            }
        }
        if (kinds.contains(Kind.VARIANCE_FLOW)) {
            double fp = 1;
            double bp = 1;
            for (int l = 0; l < layers; l++) {
                double f = 0.25 + 0.05 * l;
                double b = 0.1 + 0.02 * l;
                fp *= f;
                bp *= b;
                out.accept(scalar(it, epoch, "variance-flow", l, "layer.forward.variance.ratio", "ratio", f * (1 + progress)));
                out.accept(scalar(it, epoch, "variance-flow", l, "layer.backward.variance.ratio", "ratio", b * (1 + progress)));
            }
            out.accept(scalar(it, epoch, "variance-flow", null, "network.forward.variance.product", "ratio", fp));
            out.accept(scalar(it, epoch, "variance-flow", null, "network.backward.variance.product", "ratio", bp));
        }
        if (kinds.contains(Kind.UPDATE_RATIO)) {
            for (int l = 0; l < layers; l++) {
                out.accept(scalar(it, epoch, "update-ratio", l, "layer.update.ratio", "ratio",
                        norms[l] * 1e-1 * (1 + 0.2 * random.nextGaussian())));
            }
        }
    }

    private void epochEnd(JsonlMeasurementWriter out, long it, int epoch) {
        if (kinds.contains(Kind.TRAINER)) {
            out.accept(scalar(it, epoch, "trainer", null, "epoch.train.loss", "loss", 0.3 + 2 * Math.exp(-4.0 * (epoch + 1) / epochs)));
            out.accept(scalar(it, epoch, "trainer", null, "learning.rate", "rate", 0.1));
            out.accept(scalar(it, epoch, "trainer", null, "epoch.seconds", "s", 1.5));
            out.accept(scalar(it, epoch, "trainer", null, "epoch.throughput", "examples/s", 12000));
        }
        if (kinds.contains(Kind.VALIDATION)) {
            out.accept(scalar(it, epoch, "trainer", null, "validation.loss", "loss", 0.4 + 2 * Math.exp(-4.0 * (epoch + 1) / epochs)));
            out.accept(scalar(it, epoch, "trainer", null, "validation.accuracy", "ratio", 0.5 + 0.4 * (epoch + 1) / epochs));
        }
        if (kinds.contains(Kind.DEAD_NEURONS)) {
            for (int l = 0; l < layers - 1; l++) {
                if (epoch == 0) {
                    out.accept(scalar(0, 0, "dead-neurons", l, "layer.dead.percent", "percent", 0));
                }
                out.accept(scalar(it, epoch, "dead-neurons", l, "layer.dead.percent", "percent", l == 1 ? 10.0 * (epoch + 1) : 0));
                out.accept(scalar(it, epoch, "dead-neurons", l, "layer.dead.units", "units", l == 1 ? 5.0 * (epoch + 1) : 0));
            }
        }
        if (kinds.contains(Kind.SYMMETRY)) {
            for (int l = 0; l < layers - 1; l++) {
                out.accept(scalar(it, epoch, "symmetry", l, "layer.symmetric.units", "units", l == 0 ? 50 : 0));
            }
        }
    }

    /** Seed 000's picture with N(0, 1): weights N(0,1), sigmoid outputs piled at 0 and 1, gradients shrinking to the input. */
    private void histograms(JsonlMeasurementWriter out, long it, int epoch) {
        for (int l = 0; l < layers; l++) {
            out.accept(histogram(it, epoch, l, "layer.weight.histogram", gaussian(0, 1, 2000)));
            out.accept(histogram(it, epoch, l, "layer.preactivation.histogram", gaussian(0, 7, 2000)));
            double[] act = new double[2000];
            for (int i = 0; i < act.length; i++) {
                act[i] = 1 / (1 + Math.exp(-7 * random.nextGaussian()));
            }
            out.accept(histogram(it, epoch, l, "layer.activation.histogram", act));
            out.accept(histogram(it, epoch, l, "layer.gradient.log10.histogram", gaussian(-6 + 4.0 * l / layers, 0.6, 2000)));
            double[] gradients = gaussian(0, Math.pow(10, -4 + 3.0 * l / layers), 2000);
            out.accept(histogram(it, epoch, l, "layer.gradient.histogram", gradients));
            out.accept(histogram(it, epoch, l, "layer.gradient.distribution", gradients));
            out.accept(histogram(it, epoch, l, "layer.weight.distribution", gaussian(0, 1 + 0.1 * epoch, 500)));
            double wScale = 1 + 0.1 * epoch;
            double gScale = Math.pow(10, -3 + 3.0 * l / layers);
            double[] z = {-1.645, -0.674, 0, 0.674, 1.645};
            String[] p = {"p05", "p25", "p50", "p75", "p95"};
            for (int k = 0; k < 5; k++) {
                out.accept(scalar(it, epoch, "histograms", l, "layer.weight." + p[k], "value", z[k] * wScale));
                out.accept(scalar(it, epoch, "histograms", l, "layer.gradient." + p[k], "value", z[k] * gScale));
            }
        }
    }

    private double[] gaussian(double mean, double std, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + std * random.nextGaussian();
        }
        return v;
    }

    /**
     * The declarations of the trainer (classification) and of the monitors of this run's kinds, as
     * the trainer writes them: measurements are written with these, so a renamed metric fails here.
     */
    private void writeCatalogue() throws IOException {
        MetricCatalogue c = new MetricCatalogue().add(TrainerMetrics.SOURCE,
                TrainerMetrics.declared(Task.Classification.numbered(10)));
        for (Kind k : kinds) {
            if (k.monitor != null) {
                c.add(k.monitor, PLUGINS.get(PluginFamily.MONITOR, k.monitor).metrics());
            }
        }
        c.entries().forEach(e -> declared.put(e.metric().name(), e.metric()));
        if (catalogue) {
            c.write(dir.resolve(RunFolder.CATALOGUE));
        }
    }

    private Metric declared(String name) {
        Metric m = declared.get(name);
        if (m == null) {
            throw new IllegalStateException("no monitor of this synthetic run declares " + name);
        }
        return m;
    }

    private Measurement histogram(long it, int epoch, int layer, String metric, double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int bins = 50;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = min + (max - min) * i / bins;
        }
        long[] counts = new long[bins];
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v - min) / (max - min) * bins))]++;
        }
        return new Measurement(runId, it, epoch, "histograms", layer, layerName(layer), declared(metric), Double.NaN,
                new Histogram(edges, counts));
    }

    private Measurement scalar(long it, int epoch, String monitor, Integer layer, String metric, String unit, double value) {
        return new Measurement(runId, it, epoch, monitor, layer, layer == null ? null : layerName(layer), declared(metric),
                value, null);
    }

    private String layerName(int l) {
        return l == layers - 1 ? "output" : "hidden-" + l;
    }

    private void writeRunJson() throws IOException {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("run", runId);
        run.put("name", "synthetic");
        run.put("seed", 1);
        run.put("started", "2026-01-01T00:00:00Z");
        run.put("status", "completed");
        List<Map<String, Object>> ls = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            Map<String, Object> layer = new LinkedHashMap<>(Map.of("index", l, "name", layerName(l), "fan_in", 50,
                    "units", l == layers - 1 ? 10 : 50, "activation", l == layers - 1 ? "softmax" : activation));
            if (l < layers - 1) {
                layer.put("flat_region", flatRegion);
            }
            ls.add(layer);
        }
        run.put("network", Map.of("inputs", 50, "parameters", 12345, "layers", ls));
        run.put("environment", Map.of("cores", 2));
        run.put("epochs_completed", epochs);
        run.put("iterations", (long) epochs * iterationsPerEpoch);
        run.put("finished", "2026-01-01T00:01:00Z");
        new ObjectMapper().writeValue(dir.resolve(RunFolder.RUN).toFile(), run);
    }
}
