package io.trainscope.core.sweep;

import io.trainscope.api.monitor.Severity;
import io.trainscope.core.evaluation.Evaluator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A sweep's table as text cells: one row per run, with its swept values, status, test metrics,
 * best validation value and epoch, epochs, final training loss, the values its monitors declared
 * for comparisons at their first record (per-layer ones as {@code a / b / c} from the first hidden
 * layer on, with two significant digits), findings
 * by severity and training time. {@link #markdown} writes {@code sweep.md}; the command line lays
 * the same cells out for the terminal. Accuracies are shown as percentages.
 *
 * @param headers the column titles
 * @param rows    one list of cells per run, as many as headers
 * @param notes   one line per run that failed or has not run, saying why
 */
public record SweepTable(List<String> headers, List<List<String>> rows, List<String> notes) {

    public SweepTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
    }

    /** The table of a sweep's state; runs not done yet show their state. */
    public static SweepTable of(SweepState state) {
        List<SweepState.Run> runs = state.runs();
        boolean seeds = runs.stream().map(SweepState.Run::seed).distinct().count() > 1;
        Set<String> tests = new LinkedHashSet<>();
        Map<String, String> headlines = new LinkedHashMap<>();
        for (SweepState.Run r : runs) {
            if (r.summary() != null) {
                tests.addAll(r.summary().test().keySet());
                r.summary().headlines().forEach(h -> headlines.putIfAbsent(h.metric(), h.label() + " " + h.when()));
            }
        }
        tests.remove(Evaluator.LOSS);
        List<String> headers = new ArrayList<>();
        state.axes().forEach(a -> headers.add(a.path()));
        if (seeds) {
            headers.add("seed");
        }
        headers.add("status");
        tests.forEach(t -> headers.add("test " + t));
        headers.addAll(List.of("best validation (epoch)", "epochs", "training loss"));
        headers.addAll(headlines.values());
        headers.addAll(List.of("findings", "time"));
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (SweepState.Run r : runs) {
            rows.add(row(state, r, seeds, tests, headlines.keySet()));
            note(r).ifPresent(notes::add);
        }
        return new SweepTable(headers, rows, notes);
    }

    private static List<String> row(SweepState state, SweepState.Run r, boolean seeds, Set<String> tests,
                                    Set<String> headlines) {
        List<String> cells = new ArrayList<>();
        state.axes().forEach(a -> cells.add(r.settings().getOrDefault(a.path(), "")));
        if (seeds) {
            cells.add(Long.toString(r.seed()));
        }
        RunSummary s = r.summary();
        cells.add(s == null ? r.state() : s.status().replace('_', ' '));
        tests.forEach(t -> cells.add(s == null ? "" : number(t, s.test().get(t))));
        cells.add(s == null || s.bestValue() == null ? "" : number(s.bestMetric(), s.bestValue()) + " (" + s.bestEpoch() + ")");
        cells.add(s == null ? "" : Integer.toString(s.epochs()));
        cells.add(s == null ? "" : number("loss", s.trainingLoss()));
        for (String metric : headlines) {
            cells.add(s == null ? "" : s.headlines().stream().filter(h -> h.metric().equals(metric)).findFirst()
                    .map(SweepTable::headline).orElse(""));
        }
        cells.add(s == null ? "" : findings(s));
        cells.add(s == null || s.seconds() <= 0 ? "" : String.format(Locale.ROOT, "%.1f s", s.seconds()));
        return cells;
    }

    private static Optional<String> note(SweepState.Run r) {
        RunSummary s = r.summary();
        if (s != null && s.failed()) {
            return Optional.of(r.name() + ": failed: " + s.reason());
        }
        if (s == null && !SweepState.Run.PENDING.equals(r.state())) {
            return Optional.of(r.name() + ": " + r.state() + " (interrupted; resume the sweep to finish it)");
        }
        return Optional.empty();
    }

    private static String headline(RunSummary.Headline h) {
        if (h.value() != null) {
            return number(h.metric(), h.value());
        }
        List<String> values = new ArrayList<>();
        h.layers().forEach((layer, v) -> values.add(brief(v)));
        return String.join(" / ", values);
    }

    private static String findings(RunSummary s) {
        List<String> parts = new ArrayList<>();
        for (Severity severity : new Severity[]{Severity.CRITICAL, Severity.WARNING, Severity.INFO}) {
            Integer n = s.findings().get(severity.name());
            if (n != null && n > 0) {
                parts.add(n + " " + severity.name().toLowerCase(Locale.ROOT)
                        + (n > 1 && severity == Severity.WARNING ? "s" : ""));
            }
        }
        if (parts.isEmpty()) {
            return "none";
        }
        return String.join(", ", parts) + (s.pathologies().isEmpty() ? "" : ": " + String.join(", ", s.pathologies()));
    }

    /** A metric's value: accuracies as percentages, the rest with four significant digits. */
    public static String number(String metric, Double v) {
        if (v == null) {
            return "";
        }
        if (metric != null && metric.endsWith(Evaluator.ACCURACY) && Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%.1f%%", 100 * v);
        }
        return compact(v);
    }

    /** Four significant digits, scientific when tiny or huge; 0 as 0. */
    static String compact(double v) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.4g", v);
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /** Two significant digits (per-layer lists stay short); 0 as 0. */
    static String brief(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        double a = Math.abs(v);
        if (a >= 0.01 && a < 1e4) {
            BigDecimal d = new BigDecimal(v).round(new MathContext(2));
            return d.stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.1e", v);
    }

    /** {@code sweep.md}: a title, how it was made, the table and the notes. */
    public String markdown(String title, List<String> lines) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        lines.forEach(l -> md.append(l).append("\n"));
        md.append("\n| ").append(String.join(" | ", headers.stream().map(SweepTable::cell).toList())).append(" |\n|");
        headers.forEach(h -> md.append(" --- |"));
        md.append('\n');
        for (List<String> row : rows) {
            md.append("| ").append(String.join(" | ", row.stream().map(SweepTable::cell).toList())).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(n -> md.append("- ").append(cell(n)).append('\n'));
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
