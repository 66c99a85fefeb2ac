package io.trainscope.cli;

import io.trainscope.core.sweep.PlannedRun;
import io.trainscope.core.sweep.RunSummary;
import io.trainscope.core.sweep.SweepFolder;
import io.trainscope.core.sweep.SweepListener;
import io.trainscope.core.sweep.SweepResult;
import io.trainscope.core.sweep.SweepTable;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The terminal side of a sweep: a line when each run starts and ends, then the sweep's table
 * (the same cells as {@code sweep.md}) laid out in aligned columns, and where the files are.
 */
final class SweepConsole implements SweepListener {

    private final PrintWriter out;

    SweepConsole(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void runStarting(PlannedRun run, int runs, boolean resuming) {
        out.printf(Locale.ROOT, "%n%s run %d of %d: %s (%s)%n", resuming ? "resuming" : "starting", run.index() + 1, runs,
                run.name(), run.describe());
        out.flush();
    }

    @Override
    public void runEnded(PlannedRun run, RunSummary summary) {
        String test = summary.test().isEmpty() ? "" : ", test " + String.join(", ", summary.test().entrySet().stream()
                .map(e -> e.getKey() + " " + SweepTable.number(e.getKey(), e.getValue())).toList());
        out.printf(Locale.ROOT, "  %s: %s after %d epochs%s%s%n", run.name(), summary.status().replace('_', ' '),
                summary.epochs(), test, summary.failed() && !summary.reason().isEmpty() ? "; " + summary.reason() : "");
        out.flush();
    }

    @Override
    public void runAlreadyDone(PlannedRun run, RunSummary summary) {
        out.printf(Locale.ROOT, "run %d: %s was done before (%s)%n", run.index() + 1, run.name(),
                summary.status().replace('_', ' '));
    }

    /** The table and the sweep folder's files. */
    void print(SweepResult result) {
        SweepTable table = result.table();
        out.printf(Locale.ROOT, "%nsweep of %d runs (data loaded %d time%s):%n", table.rows().size(), result.dataLoads(),
                result.dataLoads() == 1 ? "" : "s");
        for (String line : aligned(table)) {
            out.println("  " + line);
        }
        table.notes().forEach(n -> out.println("  " + n));
        out.println("  folder: " + result.directory());
        out.println("  table: " + result.directory().resolve(SweepFolder.TABLE));
        if (result.comparison() != null) {
            out.println("  report: " + result.comparison());
        }
        out.flush();
    }

    /** Rows of cells padded to their column's width; numbers and times right-aligned. */
    static List<String> aligned(SweepTable table) {
        int columns = table.headers().size();
        int[] width = new int[columns];
        List<List<String>> all = new ArrayList<>();
        all.add(table.headers());
        all.addAll(table.rows());
        for (List<String> row : all) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : all) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                String pad = " ".repeat(width[c] - cell.length());
                sb.append(c == 0 ? "" : "  ").append(numeric(cell) ? pad + cell : cell + pad);
            }
            lines.add(sb.toString().stripTrailing());
        }
        return lines;
    }

    private static boolean numeric(String cell) {
        return !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '-') && !cell.contains(" / ");
    }
}
