package io.trainscope.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Scale;
import io.trainscope.api.monitor.Scope;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics a run may record, as the trainer and its monitors declared them: the run folder's
 * {@code catalogue.json}, written when the run starts, so that a report can draw every metric
 * later without the plugins that declared it. The format is in {@code docs/metrics.md}.
 */
public final class MetricCatalogue {

    /** The version of the file format. */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One declared metric.
     *
     * @param source who records it: a monitor's name, or {@code trainer}
     * @param metric the declaration
     */
    public record Entry(String source, Metric metric) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** An empty catalogue. */
    public MetricCatalogue() {
    }

    /**
     * Adds the declarations of one source, in order.
     *
     * @throws IllegalArgumentException when a name is already declared (by this source or another)
     */
    public MetricCatalogue add(String source, List<Metric> metrics) {
        for (Metric m : metrics) {
            Entry other = entries.get(m.name());
            if (other != null) {
                throw new IllegalArgumentException("metric '" + m.name() + "' is declared by both '" + other.source()
                        + "' and '" + source + "'");
            }
            entries.put(m.name(), new Entry(source, m));
        }
        return this;
    }

    /** Every entry, in declaration order. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry of a metric name. */
    public Optional<Entry> entry(String metric) {
        return Optional.ofNullable(entries.get(metric));
    }

    /** Whether nothing is declared. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Writes the catalogue atomically. */
    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("metrics");
        for (Entry e : entries.values()) {
            list.add(toJson(e));
        }
        AtomicFiles.write(file, tmp -> JSON.writeValue(tmp.toFile(), root));
    }

    /**
     * Reads a catalogue. Unknown fields are ignored; a chart kind or scale this version does not
     * know reads as {@link Chart#NONE} or {@link Scale#AUTO}.
     *
     * @throws IOException              when the file cannot be read or is not JSON
     * @throws IllegalArgumentException when an entry is malformed; the message names it
     */
    public static MetricCatalogue read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        JsonNode list = root == null ? null : root.get("metrics");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("no \"metrics\" list");
        }
        MetricCatalogue catalogue = new MetricCatalogue();
        for (int i = 0; i < list.size(); i++) {
            try {
                JsonNode n = list.get(i);
                catalogue.add(text(n, "source", "?"), List.of(fromJson(n)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("entry " + (i + 1) + " is malformed: " + e.getMessage(), e);
            }
        }
        return catalogue;
    }

    private static ObjectNode toJson(Entry e) {
        Metric m = e.metric();
        Drawing d = m.drawing();
        ObjectNode n = JSON.createObjectNode();
        n.put("metric", m.name()).put("source", e.source()).put("unit", m.unit()).put("scope", m.scope().id())
                .put("description", m.description()).put("chart", d.chart().id());
        putIfSet(n, "section", d.section());
        putIfSet(n, "title", d.title());
        putIfSet(n, "label", d.label());
        putIfSet(n, "axis", d.axis());
        n.put("scale", d.scale().id());
        if (d.hasReference()) {
            n.put("reference", d.reference());
        }
        putIfSet(n, "guide", d.guide());
        if (d.chart() == Chart.BOX && !Double.isNaN(d.quantile())) {
            n.put("quantile", d.quantile());
        }
        putIfSet(n, "against", d.against());
        if (d.headline()) {
            n.put("headline", true);
        }
        return n;
    }

    private static Metric fromJson(JsonNode n) {
        Drawing d = new Drawing(Chart.byId(text(n, "chart", "none")), text(n, "section", null), text(n, "title", null),
                text(n, "label", null), text(n, "axis", null), scale(text(n, "scale", "auto")), number(n, "reference"),
                text(n, "guide", null), number(n, "quantile"), text(n, "against", null),
                n.path("headline").asBoolean(false));
        Scope scope = "layer".equals(text(n, "scope", "network")) ? Scope.LAYER : Scope.NETWORK;
        return new Metric(text(n, "metric", null), text(n, "unit", ""), text(n, "description", ""), scope, d);
    }

    private static void putIfSet(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    private static Scale scale(String id) {
        for (Scale s : Scale.values()) {
            if (s.id().equals(id.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return Scale.AUTO;
    }

    /** The declarations of one source, in order. */
    public List<Metric> of(String source) {
        List<Metric> out = new ArrayList<>();
        entries.values().stream().filter(e -> e.source().equals(source)).forEach(e -> out.add(e.metric()));
        return out;
    }
}
