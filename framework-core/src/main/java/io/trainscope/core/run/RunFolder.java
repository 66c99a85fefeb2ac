package io.trainscope.core.run;

import io.trainscope.core.TrainscopeException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The folder one run writes: {@code <root>/<name>-<yyyyMMdd-HHmmss>/} holding {@code config.yaml},
 * {@code run.json}, {@code catalogue.json}, {@code metrics.jsonl}, {@code findings.json},
 * {@code report.html} and {@code checkpoints/}. Never reuses an existing folder, so nothing already written is lost.
 */
public final class RunFolder {

    /** The resolved config, with every default filled in. */
    public static final String CONFIG = "config.yaml";
    /** Run metadata: seed, outcome, timings, environment. */
    public static final String RUN = "run.json";
    /** The measurement stream. */
    public static final String METRICS = "metrics.jsonl";
    /** The metrics the run may record, as declared by the trainer and the monitors ({@link MetricCatalogue}). */
    public static final String CATALOGUE = "catalogue.json";
    /** All findings. */
    public static final String FINDINGS = "findings.json";
    /** The HTML report. */
    public static final String REPORT = "report.html";
    /** Checkpoint files. */
    public static final String CHECKPOINTS = "checkpoints";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path directory;

    private RunFolder(Path directory) {
        this.directory = directory;
    }

    /** Opens an existing run folder (for resume, evaluate, report). */
    public static RunFolder open(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new TrainscopeException("run folder " + directory + " does not exist; pass a folder under runs/ "
                    + "that a 'trainscope train' wrote");
        }
        return new RunFolder(directory);
    }

    /** Creates a new, uniquely named run folder under {@code root}. */
    public static RunFolder create(Path root, String name) {
        String base = name + "-" + LocalDateTime.now().format(STAMP);
        try {
            Files.createDirectories(root);
            for (int i = 1; ; i++) {
                Path dir = root.resolve(i == 1 ? base : base + "-" + i);
                try {
                    Files.createDirectory(dir);
                    Files.createDirectory(dir.resolve(CHECKPOINTS));
                    return new RunFolder(dir);
                } catch (FileAlreadyExistsException e) {
                    // taken by a run started in the same second: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new TrainscopeException("cannot create a run folder under " + root + ": " + FileProblems.describe(e)
                    + "; choose an output folder that can be written to", e);
        }
    }

    /** Whether the folder holds a run's {@code run.json} or {@code checkpoints/} (else it is some other folder). */
    public boolean looksLikeARun() {
        return Files.exists(directory.resolve(RUN)) || Files.isDirectory(directory.resolve(CHECKPOINTS));
    }

    /** The folder. */
    public Path directory() {
        return directory;
    }

    /** The folder's name, used as the run id in measurements. */
    public String id() {
        return directory.getFileName().toString();
    }

    /** A file in the folder. */
    public Path file(String name) {
        return directory.resolve(name);
    }

    /** The checkpoints folder. */
    public Path checkpoints() {
        return directory.resolve(CHECKPOINTS);
    }
}
