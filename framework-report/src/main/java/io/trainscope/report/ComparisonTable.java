package io.trainscope.report;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs side by side as a text table, for {@code trainscope compare}: outcome, epochs, final and
 * test metrics, the health figures recorded at initialization, and the findings by severity.
 */
public final class ComparisonTable {

    private ComparisonTable() {
    }

    /** The table of {@code runs}, one column per run. */
    public static String text(List<RunData> runs) {
        Map<String, Function<RunData, String>> rows = new LinkedHashMap<>();
        rows.put("seed", r -> String.valueOf(r.run().getOrDefault("seed", "?")));
        rows.put("status", r -> String.valueOf(r.run().getOrDefault("status", "?")));
        rows.put("epochs", r -> String.valueOf(r.run().getOrDefault("epochs_completed", "?")));
        rows.put("iterations", r -> String.valueOf(r.run().getOrDefault("iterations", "?")));
        rows.put("final training loss", r -> last(r, "epoch.train.loss"));
        rows.put("final validation loss", r -> last(r, "validation.loss"));
        rows.put("final validation accuracy", r -> last(r, "validation.accuracy"));
        rows.put("test loss", r -> last(r, "test.loss"));
        rows.put("test accuracy", r -> last(r, "test.accuracy"));
        rows.put("test mse", r -> last(r, "test.mse"));
        rows.put("initial loss", r -> first(r, "initial.loss"));
        rows.put("gradient ratio at init", r -> first(r, "gradient.norm.ratio"));
        rows.put("forward variance product", r -> first(r, "network.forward.variance.product"));
        for (Severity s : new Severity[]{Severity.CRITICAL, Severity.WARNING, Severity.INFO}) {
            rows.put(s.name().toLowerCase(Locale.ROOT) + " findings", r -> findings(r, s));
        }
        rows.entrySet().removeIf(e -> runs.stream().allMatch(r -> e.getValue().apply(r).equals("-")));

        List<String> headers = new ArrayList<>();
        headers.add("");
        for (int i = 0; i < runs.size(); i++) {
            headers.add("[" + (i + 1) + "]");
        }
        int labelWidth = rows.keySet().stream().mapToInt(String::length).max().orElse(10);
        List<List<String>> table = new ArrayList<>();
        rows.forEach((label, f) -> {
            List<String> row = new ArrayList<>();
            row.add(label);
            runs.forEach(r -> row.add(f.apply(r)));
            table.add(row);
        });
        int[] widths = new int[runs.size() + 1];
        widths[0] = labelWidth;
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
        sb.append('\n');
        sb.append(row(headers, widths));
        for (List<String> row : table) {
            sb.append(row(row, widths));
        }
        return sb.toString();
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
