package io.trainscope.examples.embedding;

import io.trainscope.core.run.RunReporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The application's report of a run, in place of {@code report.html} (framework-report is not on
 * this classpath): {@code summary.txt} in the run folder, with the number of measurements and of
 * findings, which the application shows in its own user interface.
 */
public final class SummaryReporter implements RunReporter {

    /** The file this reporter writes into each run folder. */
    public static final String FILE = "summary.txt";

    @Override
    public Path write(Path runDirectory) {
        try (Stream<String> metrics = Files.lines(runDirectory.resolve("metrics.jsonl"))) {
            long measurements = metrics.count();
            String findings = Files.readString(runDirectory.resolve("findings.json"));
            long found = findings.split("\"pathology\"", -1).length - 1;
            return Files.writeString(runDirectory.resolve(FILE), runDirectory.getFileName() + ": " + measurements
                    + " measurements, " + found + " findings" + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
