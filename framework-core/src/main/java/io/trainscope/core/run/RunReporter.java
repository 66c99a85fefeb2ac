package io.trainscope.core.run;

import java.nio.file.Path;

/**
 * Writes a human-readable report of a run folder when its run ends. The engine has no report of
 * its own: the {@code framework-report} module provides one ({@code report.html}), found through
 * {@link java.util.ServiceLoader} when its jar is on the classpath; an embedding application may
 * bind its own in a Guice module instead. A run without a reporter simply has no report.
 *
 * <h2>Contract</h2>
 * Called once per run, on the training thread, after {@code metrics.jsonl}, {@code findings.json}
 * and {@code run.json} are complete. An exception is logged as a warning by the caller; it never
 * fails the run.
 */
@FunctionalInterface
public interface RunReporter {

    /**
     * Writes the report of a finished run folder.
     *
     * @param runDirectory a complete run folder
     * @return the report file written
     */
    Path write(Path runDirectory);
}
