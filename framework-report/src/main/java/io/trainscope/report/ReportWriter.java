package io.trainscope.report;

import io.trainscope.core.activation.ActivationProfile;
import io.trainscope.core.run.AtomicFiles;
import io.trainscope.core.run.RunFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the HTML report of a run folder, or a comparison report over several: one
 * self-contained file (inline CSS, charts as inline SVG drawn by JFreeChart through JFreeSVG, no
 * script, no external address) that opens offline in any browser. What it shows is described in
 * {@code docs/report.md}.
 *
 * <p>Reading streams {@code metrics.jsonl} once and keeps bounded state per (metric, layer), so a
 * long run costs little more than a short one; see {@link Series} for how long series are
 * downsampled. Charts are drawn headless.
 *
 * <pre>{@code
 * Path report = ReportWriter.writeFor(result.directory());            // RUN_DIR/report.html
 * ReportWriter.writeComparison(List.of(before, after), Path.of("fix.html"));
 * }</pre>
 */
public final class ReportWriter {

    /** The default file name of a comparison report, in the working directory. */
    public static final String COMPARISON = "comparison-report.html";

    private ReportWriter() {
    }

    /**
     * Writes {@code report.html} into a run folder, replacing any earlier one atomically.
     *
     * @return the report file
     * @throws ReportException when the folder is not a run folder or its metrics are damaged
     */
    public static Path writeFor(Path runDirectory) {
        return write(runDirectory, runDirectory.resolve(RunFolder.REPORT));
    }

    /** Writes the report of one run folder to {@code output}. */
    public static Path write(Path runDirectory, Path output) {
        RunData data = RunData.read(runDirectory);
        return save(output, RunReport.html(data));
    }

    /**
     * Writes one report comparing several run folders to {@code output}.
     *
     * @throws ReportException when a folder is not a run folder (the message names it and what is missing)
     */
    public static Path writeComparison(List<Path> runDirectories, Path output) {
        Objects.requireNonNull(output, "output");
        if (runDirectories.isEmpty()) {
            throw new ReportException("a comparison needs at least one run folder");
        }
        List<RunData> runs = new ArrayList<>();
        for (Path dir : runDirectories) {
            runs.add(RunData.read(dir));
        }
        return save(output, ComparisonReport.html(runs));
    }

    /**
     * Writes the page of {@code trainscope activations}: each activation and its derivative as a
     * grid of small charts, and the table of their shapes ({@link ActivationTable}).
     *
     * @param profiles the profiles to draw, keyed by the label each chart and row gets, in order (at least one)
     */
    public static Path writeActivations(Map<String, ActivationProfile> profiles, Path output) {
        Objects.requireNonNull(output, "output");
        if (profiles.isEmpty()) {
            throw new ReportException("an activations page needs at least one activation");
        }
        return save(output, ActivationsPage.html(profiles));
    }

    /** The HTML of one run's report, without writing it. */
    public static String html(RunData run) {
        return RunReport.html(run);
    }

    /** The HTML of a comparison report, without writing it. */
    public static String comparisonHtml(List<RunData> runs) {
        return ComparisonReport.html(runs);
    }

    /** A report is for sharing: rw-r--r-- rather than the owner-only mode of a fresh temporary file. */
    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    static Path save(Path output, String html) {
        try {
            AtomicFiles.write(output, tmp -> {
                Files.writeString(tmp, html, StandardCharsets.UTF_8);
                readableByAll(tmp);
            });
            return output;
        } catch (IOException e) {
            throw new ReportException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }
}
