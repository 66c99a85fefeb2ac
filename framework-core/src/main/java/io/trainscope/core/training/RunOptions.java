package io.trainscope.core.training;

import io.trainscope.core.run.MeasurementSink;

import java.nio.file.Path;

/**
 * How to run an experiment, beyond what its config says.
 *
 * @param outputRoot where run folders go ({@code runs/}); null writes nothing to disk
 * @param extraSink  another sink that receives every measurement (an embedding application's), or null
 * @param progress   receives progress events; {@link TrainingProgress#NONE} for silence
 * @param cacheDirectory where data sources may cache downloads, or null for {@code ~/.cache/trainscope}
 * @param report     whether a run with a folder writes its {@code report.html} when it ends
 */
public record RunOptions(Path outputRoot, MeasurementSink extraSink, TrainingProgress progress, Path cacheDirectory,
                         boolean report) {

    /** Options that write the report. */
    public RunOptions(Path outputRoot, MeasurementSink extraSink, TrainingProgress progress, Path cacheDirectory) {
        this(outputRoot, extraSink, progress, cacheDirectory, true);
    }

    public RunOptions {
        progress = progress == null ? TrainingProgress.NONE : progress;
        cacheDirectory = cacheDirectory != null ? cacheDirectory
                : Path.of(System.getProperty("user.home"), ".cache", "trainscope");
    }

    /** Writes run folders under {@code runs/} in the working directory, with no progress display. */
    public static RunOptions defaults() {
        return new RunOptions(Path.of("runs"), null, TrainingProgress.NONE, null);
    }

    /** Writes nothing to disk: measurements go only to {@code sink} (may be null). */
    public static RunOptions inMemory(MeasurementSink sink) {
        return new RunOptions(null, sink, TrainingProgress.NONE, null);
    }

    /** A copy with another progress receiver. */
    public RunOptions withProgress(TrainingProgress progress) {
        return new RunOptions(outputRoot, extraSink, progress, cacheDirectory, report);
    }

    /** A copy that also sends every measurement to {@code sink}. */
    public RunOptions withExtraSink(MeasurementSink sink) {
        return new RunOptions(outputRoot, sink, progress, cacheDirectory, report);
    }

    /** A copy with another output root. */
    public RunOptions withOutputRoot(Path outputRoot) {
        return new RunOptions(outputRoot, extraSink, progress, cacheDirectory, report);
    }

    /** A copy that writes, or does not write, {@code report.html} at the end of each run. */
    public RunOptions withReport(boolean report) {
        return new RunOptions(outputRoot, extraSink, progress, cacheDirectory, report);
    }
}
