package io.trainscope.core.run;

import io.trainscope.api.monitor.Finding;
import io.trainscope.core.TrainscopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Records one run: its measurements ({@code metrics.jsonl}, plus an optional extra sink), its
 * findings ({@code findings.json}), its metadata ({@code run.json}) and, at the end, its report
 * through the optional {@link RunReporter}. It knows nothing of the loop that feeds it, so
 * trainscope's own loop, another trainer (Spark) or a listener on an application's own network
 * drive it the same way. Without a run folder it writes no file and only forwards measurements
 * to the extra sink.
 *
 * <h2>Lifecycle</h2>
 * {@link #create} (or {@link #resume}), {@link #started}, {@link #epochDone} after each epoch,
 * {@link #finish} once (it closes the sink). One thread drives it; the sink and the finding log
 * may also be read from others. Files that cannot be written are logged as warnings and never
 * fail the run, except {@code metrics.jsonl}, which fails when it cannot be opened.
 */
public final class RunRecorder {

    private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

    private final RunFolder folder;
    private final String runId;
    private final MeasurementSink sink;
    private final FindingLog findings;
    private final RunMetadata metadata;
    private final RunReporter reporter;

    private RunRecorder(RunFolder folder, String runId, RunMetadata metadata, FindingLog findings,
                        MeasurementSink extraSink, RunReporter reporter) {
        this.folder = folder;
        this.runId = runId;
        this.metadata = metadata;
        this.findings = findings;
        this.reporter = reporter;
        this.sink = openSink(folder, extraSink);
    }

    /**
     * Records a new run.
     *
     * @param folder    the run folder, or null to write no file
     * @param runId     stamped on every measurement (the folder's name when there is one)
     * @param metadata  the run's {@code run.json} fields so far
     * @param extraSink another sink that receives every measurement, or null
     * @param reporter  writes the report at the end, or null for none
     */
    public static RunRecorder create(RunFolder folder, String runId, RunMetadata metadata, MeasurementSink extraSink,
                                     RunReporter reporter) {
        return new RunRecorder(folder, runId, metadata, new FindingLog(), extraSink, reporter);
    }

    /**
     * Continues recording an existing run folder from a checkpoint: {@code metrics.jsonl} is cut
     * back to {@code metricsBytes} (measurements recorded after the checkpoint will be recorded
     * again), the findings reported before the checkpoint are restored without being logged again,
     * and a finding that repeats one of them is not reported twice (see {@link FindingLog#restore}).
     */
    public static RunRecorder resume(RunFolder folder, RunMetadata metadata, long metricsBytes, List<Finding> before,
                                     MeasurementSink extraSink, RunReporter reporter) {
        truncate(folder.file(RunFolder.METRICS), metricsBytes);
        FindingLog findings = new FindingLog();
        before.forEach(findings::restore);
        return new RunRecorder(folder, folder.id(), metadata, findings, extraSink, reporter);
    }

    /** The run id stamped on measurements. */
    public String runId() {
        return runId;
    }

    /** The run folder's directory, or null for a run without files. */
    public Path directory() {
        return folder == null ? null : folder.directory();
    }

    /** Where measurements go. */
    public MeasurementSink sink() {
        return sink;
    }

    /** Where findings go. */
    public FindingLog findings() {
        return findings;
    }

    /** The {@code run.json} fields, for callers that add their own. */
    public RunMetadata metadata() {
        return metadata;
    }

    /** The run started (or resumed): {@code run.json} says {@code running}, without the fields of an earlier ending. */
    public void started() {
        metadata.remove("finished", "reason", "failed", "final", "test", "monitor_seconds");
        writeMetadata(metadata.put("status", "running"));
    }

    /** Notes the time from the JVM's start to the run's first iteration ({@code startup_seconds}). */
    public void firstIterationDone() {
        metadata.put("startup_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }

    /** After an epoch: {@code findings.json} and the progress in {@code run.json} are rewritten. */
    public void epochDone(int epochsCompleted, long iterations) {
        writeFindings();
        writeMetadata(metadata.put("epochs_completed", epochsCompleted).put("iterations", iterations));
    }

    /** Makes every measurement so far durable and returns the length of {@code metrics.jsonl} (0 without a folder). */
    public long flushMeasurements() {
        sink.flush();
        if (folder == null) {
            return 0;
        }
        try {
            Path metrics = folder.file(RunFolder.METRICS);
            return Files.exists(metrics) ? Files.size(metrics) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The run ended: closes the sink, writes the findings, the outcome into {@code run.json}, then the report.
     *
     * @throws OutputException when the last measurements could not be written; after the other files
     */
    public void finish(RunEnd end) {
        OutputException lost = null;
        try {
            sink.close();
        } catch (OutputException e) {
            lost = e;
        }
        writeFindings();
        metadata.put("status", end.outcome().name().toLowerCase(Locale.ROOT)).put("reason", end.reason())
                .put("failed", end.failed())
                .put("finished", Instant.now().toString())
                .put("epochs_completed", end.epochs()).put("iterations", end.iterations())
                .put("final", Map.of("training_loss", end.trainingLoss(), "validation", end.validation()))
                .put("test", end.test())
                .put("monitor_seconds", end.monitorSeconds());
        writeMetadata(metadata);
        writeReport();
        if (lost != null) {
            throw lost;
        }
    }

    private static MeasurementSink openSink(RunFolder folder, MeasurementSink extra) {
        MeasurementSink sink = folder == null ? null : new JsonlMeasurementWriter(folder.file(RunFolder.METRICS));
        if (extra != null) {
            sink = sink == null ? extra : MeasurementSink.both(sink, extra);
        }
        return sink != null ? sink : m -> { };
    }

    private void writeFindings() {
        if (folder != null) {
            try {
                FindingsWriter.write(folder.file(RunFolder.FINDINGS), runId, findings.all());
            } catch (IOException e) {
                log.warn("could not write {}: {}", folder.file(RunFolder.FINDINGS), e.getMessage());
            }
        }
    }

    private void writeMetadata(RunMetadata m) {
        if (folder != null) {
            try {
                m.write(folder.file(RunFolder.RUN));
            } catch (IOException e) {
                log.warn("could not write {}: {}", folder.file(RunFolder.RUN), e.getMessage());
            }
        }
    }

    /** A report that cannot be written is a warning, never a failed run. */
    private void writeReport() {
        if (folder == null || reporter == null) {
            return;
        }
        try {
            reporter.write(folder.directory());
        } catch (RuntimeException | LinkageError e) {
            log.warn("could not write the report of {}: {}", folder.directory(), e.getMessage());
        }
    }

    private static void truncate(Path file, long bytes) {
        try {
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (size < bytes) {
                log.warn("{} holds {} bytes, fewer than the {} the checkpoint recorded: measurements made before the "
                        + "checkpoint were lost", file, size, bytes);
            } else if (size > bytes) {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    raf.setLength(bytes);
                }
            }
        } catch (IOException e) {
            throw new TrainscopeException("cannot cut " + file + " back to the checkpoint's " + bytes + " bytes ("
                    + e.getMessage() + "); resuming would record measurements twice", e);
        }
    }
}
