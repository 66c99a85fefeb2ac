package io.trainscope.report;

import io.trainscope.core.training.TrainerMetrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary at the top of a run's report: identity, status, progress, timing, final and test
 * metrics, the network, the environment, time in monitors and findings, from {@code run.json}
 * (and the trainer's metrics where it is missing), then the resolved config.
 */
final class SummarySection {

    private SummarySection() {
    }

    /** The status of the run, or {@code status unknown}. */
    static String status(RunData d) {
        Object s = d.run().get("status");
        return s == null ? "status unknown" : s.toString();
    }

    static void append(Page page, RunData d) {
        page.section("summary", "Summary");
        for (String note : d.notes()) {
            page.paragraph("note", note);
        }
        table(page, rows(d));
        if (d.config() != null) {
            page.html().append("<details><summary>Resolved config (config.yaml)</summary><pre>")
                    .append(Html.escape(d.config())).append("</pre></details>\n");
        }
        page.end();
    }

    private static List<String[]> rows(RunData d) {
        Map<String, Object> run = d.run();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"run", d.runId()});
        put(rows, "config", run.get("name"));
        put(rows, "seed", run.get("seed"));
        String status = status(d);
        if (run.get("reason") instanceof String r && !r.isEmpty()) {
            status += ": " + r;
        }
        rows.add(new String[]{"status", status});
        if (run.get("epochs_completed") != null || run.get("iterations") != null) {
            put(rows, "trained", run.getOrDefault("epochs_completed", "?") + " epochs, "
                    + run.getOrDefault("iterations", "?") + " iterations");
        }
        put(rows, "time", time(run));
        put(rows, "training loss (last epoch)", finalTrainingLoss(d));
        put(rows, "validation (last epoch)", values(d, TrainerMetrics.VALIDATION));
        String test = values(d, TrainerMetrics.TEST);
        if (test == null && run.get("test") instanceof Map<?, ?> t && !t.isEmpty()) {
            List<String> parts = new ArrayList<>();
            t.forEach((k, v) -> parts.add(k + " " + (v instanceof Number n ? Html.number(n.doubleValue()) : v)));
            test = String.join(", ", parts);
        }
        put(rows, "test (final model)", test);
        put(rows, "network", network(run));
        put(rows, "environment", environment(run));
        put(rows, "time in monitors", monitorTime(run));
        rows.add(new String[]{"findings", Html.findingCounts(d.findings())});
        return rows;
    }

    /**
     * Seconds inside each monitor's callbacks and, when {@code run.json} has the training time,
     * their share of it, so a slow monitor stands out: "gradient-norms 1.2 s (4.1% of training)".
     */
    static String monitorTime(Map<String, Object> run) {
        if (!(run.get("monitor_seconds") instanceof Map<?, ?> m) || m.isEmpty()) {
            return null;
        }
        double total = run.get("training_seconds") instanceof Number t ? t.doubleValue() : 0;
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> {
            String part = k + " " + (v instanceof Number n ? Html.number(n.doubleValue()) : v) + " s";
            if (total > 0 && v instanceof Number n) {
                part += String.format(Locale.ROOT, " (%.1f%% of training)", 100 * n.doubleValue() / total);
            }
            parts.add(part);
        });
        return String.join(", ", parts);
    }

    private static void put(List<String[]> rows, String key, Object value) {
        if (value != null) {
            rows.add(new String[]{key, value.toString()});
        }
    }

    private static void table(Page page, List<String[]> rows) {
        StringBuilder html = page.html().append("<table class=\"summary\">\n");
        for (String[] r : rows) {
            html.append("<tr><th>").append(Html.escape(r[0])).append("</th><td>").append(Html.escape(r[1]))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String time(Map<String, Object> run) {
        if (!(run.get("started") instanceof String started)) {
            return null;
        }
        String s = started.replaceFirst("\\.\\d+Z$", "Z");
        if (run.get("finished") instanceof String finished) {
            try {
                Duration took = Duration.between(Instant.parse(started), Instant.parse(finished));
                return s + ", took " + String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
            } catch (RuntimeException e) {
                return s;
            }
        }
        return s + " (not finished)";
    }

    private static String finalTrainingLoss(RunData d) {
        if (d.run().get("final") instanceof Map<?, ?> f && f.get("training_loss") instanceof Number n) {
            return Html.number(n.doubleValue());
        }
        return d.series(TrainerMetrics.EPOCH_LOSS.name()).map(s -> Html.number(s.last().value())).orElse(null);
    }

    /** The last value of every network metric of the trainer whose name starts with {@code prefix}, or null. */
    private static String values(RunData d, String prefix) {
        List<String> parts = new ArrayList<>();
        for (Series s : d.allSeries()) {
            if (s.layer() == null && s.metric().startsWith(prefix)) {
                parts.add(s.metric().substring(prefix.length()) + " " + Html.number(s.last().value()));
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** {@code 50 inputs → 10 × 50 sigmoid → 1 sigmoid; 25551 parameters}. */
    static String network(Map<String, Object> run) {
        if (!(run.get("network") instanceof Map<?, ?> n) || !(n.get("layers") instanceof List<?> layers)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(n.get("inputs")).append(" inputs");
        String previous = null;
        int repeat = 0;
        for (Object o : layers) {
            if (!(o instanceof Map<?, ?> l)) {
                continue;
            }
            String shape = shape(l);
            if (!shape.equals(previous)) {
                group(sb, previous, repeat);
                previous = shape;
                repeat = 0;
            }
            repeat++;
        }
        group(sb, previous, repeat);
        if (n.get("parameters") != null) {
            sb.append("; ").append(n.get("parameters")).append(" parameters");
        }
        return sb.toString();
    }

    /** {@code 50 sigmoid} for a dense layer; the kind first for another ({@code conv2d 6 relu}, {@code subsampling 6}). */
    private static String shape(Map<?, ?> layer) {
        Object kind = layer.get("kind");
        String units = layer.get("units") + ("identity".equals(layer.get("activation")) && kind != null
                && !"dense".equals(kind) ? "" : " " + layer.get("activation"));
        return kind == null || "dense".equals(kind) ? units : kind + " " + units;
    }

    private static void group(StringBuilder sb, String shape, int repeat) {
        if (shape != null) {
            sb.append(" → ").append(repeat > 1 ? repeat + " × " + shape : shape);
        }
    }

    private static String environment(Map<String, Object> run) {
        if (!(run.get("environment") instanceof Map<?, ?> e) || e.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        e.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }
}
