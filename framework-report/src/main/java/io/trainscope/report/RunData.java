package io.trainscope.report;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Finding;
import io.trainscope.core.run.MetricCatalogue;
import io.trainscope.core.run.RunFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a report needs from one run folder, read in one streaming pass over
 * {@code metrics.jsonl} plus {@code run.json}, {@code catalogue.json}, {@code findings.json} and
 * {@code config.yaml}.
 * Memory is bounded by the number of distinct (metric, layer) pairs, not by the run's length:
 * scalar metrics become {@link Series} (bucketed), and only the first and the last histogram of
 * each (metric, layer) is kept.
 *
 * <p>Only {@code metrics.jsonl} is required; a missing {@code run.json}, {@code catalogue.json},
 * {@code findings.json} or {@code config.yaml} (a run that crashed before writing them, or a
 * folder of an older version) is noted in {@link #notes()} and the report leaves that part out.
 */
public final class RunData {

    /** Identifies a series: a metric and a layer (null for network-wide). */
    record Key(String metric, Integer layer) {
    }

    private final Path directory;
    private final Map<String, Object> run;
    private final String config;
    private final List<Finding> findings;
    private final List<String> notes;
    private final MetricCatalogue catalogue;
    private final Map<Key, Series> series = new LinkedHashMap<>();
    private final Map<Key, HistogramSnapshot> firstHistograms = new LinkedHashMap<>();
    private final Map<Key, HistogramSnapshot> lastHistograms = new LinkedHashMap<>();
    private final Map<Key, NavigableMap<Long, HistogramSnapshot>> histogramsOverTime = new LinkedHashMap<>();
    private final Map<Integer, String> layerNames = new TreeMap<>();
    private final Map<String, String> monitorsByMetric = new TreeMap<>();
    private long lines;
    private String label;

    private RunData(Path directory, Map<String, Object> run, String config, List<Finding> findings, List<String> notes,
                    MetricCatalogue catalogue) {
        this.directory = directory;
        this.catalogue = catalogue;
        this.run = run;
        this.config = config;
        this.findings = findings;
        this.notes = notes;
    }

    /**
     * Reads a run folder.
     *
     * @throws ReportException when {@code directory} is not a run folder (it says what is missing)
     *                         or a file in it is damaged (it names the file and line)
     */
    public static RunData read(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new ReportException(directory + " is not a run folder: no such directory");
        }
        Path metrics = directory.resolve(RunFolder.METRICS);
        if (!Files.isRegularFile(metrics)) {
            boolean hasRunJson = Files.isRegularFile(directory.resolve(RunFolder.RUN));
            throw new ReportException(directory + " is not a run folder: " + RunFolder.METRICS + " is missing"
                    + (hasRunJson ? " (" + RunFolder.RUN + " is there: the run wrote no measurements)"
                    : " (and so is " + RunFolder.RUN + "); pass a folder that 'trainscope train' wrote"));
        }
        List<String> notes = new ArrayList<>();
        Map<String, Object> run = RunFiles.runJson(directory.resolve(RunFolder.RUN), notes);
        String config = RunFiles.config(directory.resolve(RunFolder.CONFIG), notes);
        List<Finding> findings = RunFiles.findings(directory.resolve(RunFolder.FINDINGS), notes);
        MetricCatalogue catalogue = RunFiles.catalogue(directory.resolve(RunFolder.CATALOGUE), notes);
        RunData data = new RunData(directory, run, config, findings, notes, catalogue);
        data.layerNamesFromRunJson();
        MetricsReader.Summary summary = MetricsReader.read(metrics, data::accept);
        data.lines = summary.lines();
        if (summary.skippedLastLine() != null) {
            notes.add("The last line of " + RunFolder.METRICS + " was cut short (the run was interrupted or is still "
                    + "writing) and was skipped.");
        }
        return data;
    }

    private void accept(MetricLine m) {
        Key key = new Key(m.metric(), m.layer());
        if (m.layer() != null && m.layerName() != null) {
            layerNames.putIfAbsent(m.layer(), m.layerName());
        }
        if (m.monitor() != null) {
            monitorsByMetric.putIfAbsent(m.metric(), m.monitor());
        }
        if (m.isHistogram()) {
            HistogramSnapshot h = new HistogramSnapshot(m.metric(), m.layer(), m.iteration(), m.epoch(), m.histogram());
            HistogramSnapshot f = firstHistograms.get(key);
            if (f == null || m.iteration() < f.iteration()) {
                firstHistograms.put(key, h);
            }
            HistogramSnapshot l = lastHistograms.get(key);
            if (l == null || m.iteration() >= l.iteration()) {
                lastHistograms.put(key, h);
            }
            if (catalogue.entry(m.metric()).map(e -> e.metric().drawing().chart() == Chart.VIOLIN).orElse(false)) {
                histogramsOverTime.computeIfAbsent(key, k -> new TreeMap<>()).put(m.iteration(), h);
            }
            return;
        }
        series.computeIfAbsent(key, k -> new Series(k.metric(), k.layer()))
                .add(m.iteration(), m.epoch(), m.value(), m.unit(), m.monitor());
    }

    @SuppressWarnings("unchecked")
    private void layerNamesFromRunJson() {
        Object network = run.get("network");
        if (network instanceof Map<?, ?> n && n.get("layers") instanceof List<?> layers) {
            for (Object o : layers) {
                if (o instanceof Map<?, ?> l && l.get("index") instanceof Number i && l.get("name") instanceof String name) {
                    layerNames.put(i.intValue(), name);
                }
            }
        }
    }

    /** The run folder. */
    public Path directory() {
        return directory;
    }

    /** The run id: {@code run.json}'s {@code run}, else the folder's name. */
    public String runId() {
        return run.get("run") instanceof String s ? s : directory.getFileName().toString();
    }

    /** A short label for legends: the config name and seed, or the run id. */
    public String label() {
        if (label != null) {
            return label;
        }
        if (run.get("name") instanceof String name) {
            return run.get("seed") instanceof Number seed ? name + " (seed " + seed + ")" : name;
        }
        return runId();
    }

    /** Overrides the label (the comparison report makes labels unique). */
    void label(String label) {
        this.label = label;
    }

    /** {@code run.json} as a map; empty when missing. */
    public Map<String, Object> run() {
        return Collections.unmodifiableMap(run);
    }

    /** The text of {@code config.yaml}, or null when missing. */
    public String config() {
        return config;
    }

    /** The findings of {@code findings.json}; empty when missing. */
    public List<Finding> findings() {
        return Collections.unmodifiableList(findings);
    }

    /** Remarks about missing or cut-short files, for the report. */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** The metrics as the run declared them ({@code catalogue.json}); empty when the file is missing. */
    public MetricCatalogue catalogue() {
        return catalogue;
    }

    /** Lines read from {@code metrics.jsonl}. */
    public long lines() {
        return lines;
    }

    /** The series of a network-wide metric. */
    public Optional<Series> series(String metric) {
        return series(metric, null);
    }

    /** The series of a metric for one layer (null for network-wide). */
    public Optional<Series> series(String metric, Integer layer) {
        return Optional.ofNullable(series.get(new Key(metric, layer)));
    }

    /** The per-layer series of a metric, by layer index. */
    public Map<Integer, Series> layerSeries(String metric) {
        Map<Integer, Series> out = new TreeMap<>();
        series.forEach((k, s) -> {
            if (k.metric().equals(metric) && k.layer() != null) {
                out.put(k.layer(), s);
            }
        });
        return out;
    }

    /** Whether any value (scalar or histogram) of {@code metric} was recorded. */
    public boolean has(String metric) {
        return series.keySet().stream().anyMatch(k -> k.metric().equals(metric))
                || firstHistograms.keySet().stream().anyMatch(k -> k.metric().equals(metric));
    }

    /** Every scalar series, in the order first seen. */
    public List<Series> allSeries() {
        return List.copyOf(series.values());
    }

    /** The names of every histogram metric, sorted. */
    public List<String> histogramMetrics() {
        return List.copyOf(new TreeSet<>(firstHistograms.keySet().stream().map(Key::metric).toList()));
    }

    /** The first (earliest) histogram of a metric for each layer, by layer index. */
    public Map<Integer, HistogramSnapshot> firstHistograms(String metric) {
        return histograms(firstHistograms, metric);
    }

    /** The last (latest) histogram of a metric for each layer, by layer index. */
    public Map<Integer, HistogramSnapshot> lastHistograms(String metric) {
        return histograms(lastHistograms, metric);
    }

    private static Map<Integer, HistogramSnapshot> histograms(Map<Key, HistogramSnapshot> from, String metric) {
        Map<Integer, HistogramSnapshot> out = new TreeMap<>();
        from.forEach((k, h) -> {
            if (k.metric().equals(metric)) {
                out.put(k.layer() == null ? -1 : k.layer(), h);
            }
        });
        return out;
    }

    /**
     * Every histogram of a metric drawn as {@link Chart#VIOLIN}, by layer index and iteration (other
     * metrics keep only their first and last histograms).
     */
    public Map<Integer, NavigableMap<Long, HistogramSnapshot>> histogramsOverTime(String metric) {
        Map<Integer, NavigableMap<Long, HistogramSnapshot>> out = new TreeMap<>();
        histogramsOverTime.forEach((k, h) -> {
            if (k.metric().equals(metric)) {
                out.put(k.layer() == null ? -1 : k.layer(), h);
            }
        });
        return out;
    }

    /** A layer's name ({@code hidden-0}), or {@code layer N} when unknown. */
    public String layerName(int layer) {
        String name = layerNames.get(layer);
        return name != null ? name : "layer " + layer;
    }

    /** The monitor that recorded a metric, or null. */
    public String monitorOf(String metric) {
        return monitorsByMetric.get(metric);
    }
}
