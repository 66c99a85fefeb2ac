package io.trainscope.core.sweep;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trainscope.core.TrainscopeException;
import io.trainscope.core.run.AtomicFiles;
import io.trainscope.core.run.OutputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of a sweep, {@code <root>/<name>-sweep-<yyyyMMdd-HHmmss>/}: {@code sweep.yaml} (the
 * config as written), {@code sweep.json} (the plan and every run's state and summary),
 * {@code sweep.md} (the table) and {@code comparison.html} (the runs overlaid), with the run
 * folders inside it. {@code sweep.json} and {@code sweep.md} are rewritten atomically whenever a
 * run starts or ends.
 */
public final class SweepFolder {

    /** The config as written, sweep section included. */
    public static final String CONFIG = "sweep.yaml";
    /** The plan and the state of every run. */
    public static final String STATE = "sweep.json";
    /** The table, in Markdown. */
    public static final String TABLE = "sweep.md";
    /** The report overlaying the runs. */
    public static final String COMPARISON = "comparison.html";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern RUN_STAMP = Pattern.compile("-\\d{8}-\\d{6}(-\\d+)?");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path directory;

    private SweepFolder(Path directory) {
        this.directory = directory;
    }

    /** Creates a new, uniquely named sweep folder under {@code root} holding the config text. */
    static SweepFolder create(Path root, String name, String configText) {
        String base = name + "-sweep-" + LocalDateTime.now().format(STAMP);
        try {
            Files.createDirectories(root);
            for (int i = 1; ; i++) {
                Path dir = root.resolve(i == 1 ? base : base + "-" + i);
                try {
                    Files.createDirectory(dir);
                    AtomicFiles.writeString(dir.resolve(CONFIG), configText);
                    return new SweepFolder(dir);
                } catch (FileAlreadyExistsException e) {
                    // taken by a sweep started in the same second: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new TrainscopeException("cannot create a sweep folder under " + root + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code directory} is a sweep folder (it holds {@code sweep.json}). */
    public static boolean is(Path directory) {
        return Files.isRegularFile(directory.resolve(STATE));
    }

    /** Opens an existing sweep folder. */
    static SweepFolder open(Path directory) {
        if (!is(directory)) {
            throw new TrainscopeException(directory + " is not a sweep folder (it has no " + STATE + "); pass a folder "
                    + "that 'trainscope train' wrote for a config with a sweep section");
        }
        return new SweepFolder(directory);
    }

    /** The folder. */
    public Path directory() {
        return directory;
    }

    /** Its config text. */
    String config() {
        return read(CONFIG);
    }

    /** Its state. */
    SweepState state() {
        try {
            return JSON.readValue(read(STATE), SweepState.class);
        } catch (IOException e) {
            throw new TrainscopeException(directory.resolve(STATE) + " cannot be read: " + e.getMessage()
                    + "; it was damaged or written by another version", e);
        }
    }

    /** Writes the state and the table; an {@link OutputException} names the one that could not be written. */
    void write(SweepState state, String table) {
        Path file = directory.resolve(STATE);
        try {
            AtomicFiles.write(file, tmp -> JSON.writeValue(tmp.toFile(), state));
            file = directory.resolve(TABLE);
            AtomicFiles.writeString(file, table);
        } catch (IOException e) {
            throw OutputException.cannotWrite(file, e);
        }
    }

    /** The newest run folder in this sweep folder named {@code <runName>-<timestamp>}, if any. */
    Optional<Path> runFolder(String runName) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith(runName + "-")
                            && RUN_STAMP.matcher(p.getFileName().toString().substring(runName.length())).matches())
                    .max(Comparator.comparing((Path p) -> p.getFileName().toString().substring(runName.length() + 1, 
                            runName.length() + 16)).thenComparing(p -> p.getFileName().toString().length())
                            .thenComparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new TrainscopeException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private String read(String name) {
        try {
            return Files.readString(directory.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TrainscopeException("cannot read " + directory.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
