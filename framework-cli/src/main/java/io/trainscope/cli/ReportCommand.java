package io.trainscope.cli;

import io.trainscope.core.TrainscopeException;
import io.trainscope.report.ReportWriter;
import io.trainscope.core.run.RunFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code trainscope report RUN_DIR [RUN_DIR...] [--output FILE]}: rebuilds a run's
 * {@code report.html} from its {@code metrics.jsonl}, or writes one comparison report over
 * several runs (the before and after of a fix).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Builds the HTML report of a run folder from its metrics.jsonl, findings.json, run.json and "
                + "config.yaml: one self-contained file that opens offline.",
                "One RUN_DIR: writes RUN_DIR/report.html (or --output FILE). Several: one comparison report with the "
                        + "runs overlaid, written to --output FILE (default: " + ReportWriter.COMPARISON
                        + " in the working directory).",
                "Exit status: 0 success, 2 bad input (a folder that is not a run folder, a damaged metrics.jsonl)."})
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run folders written by 'trainscope train'.")
    List<Path> runs;

    @CommandLine.Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the report. Default: RUN_DIR/report.html for one run, "
                    + ReportWriter.COMPARISON + " for several.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (output != null && Files.isDirectory(output)) {
            throw new TrainscopeException("--output " + output + " is a directory; give a file name such as "
                    + output.resolve(runs.size() == 1 ? RunFolder.REPORT : ReportWriter.COMPARISON));
        }
        Path written;
        if (runs.size() == 1) {
            written = output == null ? ReportWriter.writeFor(runs.get(0)) : ReportWriter.write(runs.get(0), output);
        } else {
            written = ReportWriter.writeComparison(runs, output == null ? Path.of(ReportWriter.COMPARISON) : output);
        }
        out.printf(Locale.ROOT, "report: %s (%s)%n", written, size(written));
        out.flush();
        return TrainscopeCli.OK;
    }

    private static String size(Path file) {
        try {
            long bytes = Files.size(file);
            return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20))
                    : String.format(Locale.ROOT, "%d KB", Math.max(1, bytes >> 10));
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
