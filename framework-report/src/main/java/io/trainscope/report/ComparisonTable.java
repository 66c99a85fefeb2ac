package io.trainscope.report;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Scope;
import io.trainscope.api.monitor.Severity;
import io.trainscope.core.evaluation.Evaluator;
import io.trainscope.core.run.MetricCatalogue.Entry;
import io.trainscope.core.training.TrainerMetrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs side by side as a text table, for {@code trainscope compare}: outcome, epochs, final and
 * test metrics, the first value of every metric the runs declare for comparison (the health
 * figures at initialization), and the findings by severity.
 */
public final class ComparisonTable {

    private ComparisonTable() {
    }

    /** The table of {@code runs}, one column per run. */
    public static String text(List<RunData> runs) {
        Map<String, Function<RunData, String>> rows = rows(runs);
        rows.entrySet().removeIf(e -> runs.stream().allMatch(r -> e.getValue().apply(r).equals("-")));
        List<String> headers = new ArrayList<>();
        headers.add("");
        for (int i = 0; i < runs.size(); i++) {
            headers.add("[" + (i + 1) + "]");
        }
        List<List<String>> table = new ArrayList<>();
        rows.forEach((label, f) -> {
            List<String> row = new ArrayList<>();
            row.add(label);
            runs.forEach(r -> row.add(f.apply(r)));
            table.add(row);
        });
        int[] widths = new int[runs.size() + 1];
        widths[0] = rows.keySet().stream().mapToInt(String::length).max().orElse(10);
        for (int c = 1; c <= runs.size(); c++) {
            int w = headers.get(c).length();
            for (List<String> row : table) {
                w = Math.max(w, Math.min(40, row.get(c).length()));
            }
            widths[c] = w;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            sb.append(String.format(Locale.ROOT, "[%d] %s%n", i + 1, runs.get(i).directory()));
        }
        sb.append('\n').append(row(headers, widths));
        table.forEach(row -> sb.append(row(row, widths)));
        return sb.toString();
    }

    /**
     * The rows: progress, the trainer's final and test metrics, the first value of every
     * network-wide metric the runs declare for comparison, and the findings by severity.
     */
    private static Map<String, Function<RunData, String>> rows(List<RunData> runs) {
        Map<String, Function<RunData, String>> rows = new LinkedHashMap<>();
        rows.put("seed", r -> String.valueOf(r.run().getOrDefault("seed", "?")));
        rows.put("status", r -> String.valueOf(r.run().getOrDefault("status", "?")));
        rows.put("epochs", r -> String.valueOf(r.run().getOrDefault("epochs_completed", "?")));
        rows.put("iterations", r -> String.valueOf(r.run().getOrDefault("iterations", "?")));
        rows.put("final training loss", r -> last(r, TrainerMetrics.EPOCH_LOSS.name()));
        for (String m : List.of(Evaluator.LOSS, Evaluator.ACCURACY)) {
            rows.put("final validation " + m, r -> last(r, TrainerMetrics.validation(m).name()));
        }
        for (String m : List.of(Evaluator.LOSS, Evaluator.ACCURACY, Evaluator.MSE)) {
            rows.put("test " + m, r -> last(r, TrainerMetrics.test(m).name()));
        }
        for (Entry e : Declarations.union(runs).entries()) {
            Metric m = e.metric();
            if (m.drawing().headline() && m.scope() == Scope.NETWORK) {
                rows.put(m.name() + " at start", r -> first(r, m.name()));
            }
        }
        for (Severity s : new Severity[]{Severity.CRITICAL, Severity.WARNING, Severity.INFO}) {
            rows.put(s.name().toLowerCase(Locale.ROOT) + " findings", r -> findings(r, s));
        }
        return rows;
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder("  ");
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c).length() > 40 ? cells.get(c).substring(0, 39) + "…" : cells.get(c);
            sb.append(c == 0 ? String.format("%-" + widths[c] + "s", cell) : String.format("  %" + widths[c] + "s", cell));
        }
        return sb.append('\n').toString();
    }

    private static String last(RunData r, String metric) {
        return r.series(metric).map(s -> number(s.last().value())).orElse("-");
    }

    private static String first(RunData r, String metric) {
        return r.series(metric).map(s -> number(s.first().value())).orElse("-");
    }

    private static String findings(RunData r, Severity severity) {
        List<Finding> of = r.findings().stream().filter(f -> f.severity() == severity).toList();
        if (of.isEmpty()) {
            return "0";
        }
        return of.size() + " (" + of.stream().map(f -> f.pathology().id()).distinct().collect(Collectors.joining(", ")) + ")";
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
