package io.trainscope.report;

import io.trainscope.core.TrainscopeException;

/**
 * A run folder or one of its files cannot be read into a report: a folder that is not a run
 * folder, a malformed line in the middle of {@code metrics.jsonl}, an unreadable
 * {@code findings.json}. The message is one line that names the file (and line) and what is
 * wrong; the command line prints it and exits with status 2.
 */
public final class ReportException extends TrainscopeException {

    private static final long serialVersionUID = 1L;

    /** An error with a one-line message. */
    public ReportException(String message) {
        super(message);
    }

    /** An error with a one-line message and its cause. */
    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
