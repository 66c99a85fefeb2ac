package io.trainscope.core.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes a human-readable report of a run folder when its run ends. The engine has no report of
 * its own: the {@code framework-report} module provides one ({@code report.html}), found through
 * {@link java.util.ServiceLoader} when its jar is on the classpath; an embedding application may
 * bind its own in a Guice module instead. A run without a reporter simply has no report.
 *
 * <h2>Contract</h2>
 * {@link #write} is called once per run, on the training thread, after {@code metrics.jsonl},
 * {@code findings.json} and {@code run.json} are complete; {@link #writeComparison} once per sweep,
 * after its last run. An exception is logged as a warning by the caller; it never fails a run.
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

    /**
     * Writes one report overlaying several finished run folders (a sweep's runs) to {@code output}.
     * The default writes none.
     *
     * @return the report written, or empty when this reporter has no comparison report
     */
    default Optional<Path> writeComparison(List<Path> runDirectories, Path output) {
        return Optional.empty();
    }
}
