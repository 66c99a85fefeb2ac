package io.trainscope.cli;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Severity;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.training.TrainingResult;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal side of a trained run: its outcome, validation and test figures, its findings with
 * their fixes, where to look next ({@code trainscope diagnose}), and where its folder and report are.
 */
final class RunConsole {

    private final PrintWriter out;
    private final Path config;
    private final boolean report;

    /**
     * @param config the config trained, named in the {@code diagnose} hint; null for a resumed run (its folder is named)
     * @param report whether a report was asked for (its path is printed when it exists)
     */
    RunConsole(PrintWriter out, Path config, boolean report) {
        this.out = out;
        this.config = config;
        this.report = report;
    }

    /** Prints one run's result. */
    void print(TrainingResult r) {
        out.printf(Locale.ROOT, "%nrun %s (seed %d): %s after %d epochs, %d iterations, training loss %.4f%n", r.runId(),
                r.seed(), r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '), r.epochs(), r.iterations(),
                r.trainingLoss());
        if (!r.reason().isEmpty()) {
            out.println("  reason: " + r.reason());
        }
        if (!r.validation().isEmpty()) {
            out.println("  validation: " + metrics(r.validation()));
        }
        if (r.test() != null) {
            out.println("  test: " + metrics(r.test().metrics()));
        }
        findings(r);
        if (r.directory() != null) {
            out.println("  folder: " + r.directory());
            Path file = r.directory().resolve(RunFolder.REPORT);
            if (report && Files.exists(file)) {
                out.println("  report: " + file);
            }
        }
    }

    private void findings(TrainingResult r) {
        if (r.findings().isEmpty()) {
            out.println("  findings: none");
            return;
        }
        out.println("  findings:");
        for (Finding f : r.findings()) {
            out.printf("    %-8s %s%s: %s%n", f.severity(), f.pathology().id(),
                    f.layer() == null ? "" : " (layer " + f.layer() + ")", f.summary());
            if (!f.prescription().isEmpty() && f.severity() != Severity.INFO) {
                out.printf("             fix: %s%n", f.prescription());
            }
        }
        if (r.findings().stream().anyMatch(f -> f.severity() != Severity.INFO)) {
            out.println("  something looks wrong: 'trainscope diagnose " + (config != null ? config : r.directory())
                    + "' names the root cause and tests its cure (--fix)");
        }
    }

    private static String metrics(Map<String, Double> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %.4f", k, v)));
        return String.join(", ", parts);
    }
}
