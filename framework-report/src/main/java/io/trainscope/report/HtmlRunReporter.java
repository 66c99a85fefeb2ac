package io.trainscope.report;

import io.trainscope.core.run.RunReporter;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The standard {@link RunReporter}: writes {@code report.html} into the run folder, and a sweep's
 * comparison report (see {@link ReportWriter}).
 */
public final class HtmlRunReporter implements RunReporter {

    @Override
    public Path write(Path runDirectory) {
        return ReportWriter.writeFor(runDirectory);
    }

    @Override
    public Optional<Path> writeComparison(List<Path> runDirectories, Path output) {
        return Optional.of(ReportWriter.writeComparison(runDirectories, output));
    }
}
