package io.trainscope.report;

import io.trainscope.core.run.RunReporter;

import java.nio.file.Path;

/** The standard {@link RunReporter}: writes {@code report.html} into the run folder (see {@link ReportWriter}). */
public final class HtmlRunReporter implements RunReporter {

    @Override
    public Path write(Path runDirectory) {
        return ReportWriter.writeFor(runDirectory);
    }
}
