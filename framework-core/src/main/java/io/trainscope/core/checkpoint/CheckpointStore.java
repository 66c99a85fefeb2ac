package io.trainscope.core.checkpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code checkpoints/} folder of a run: {@code epoch-NNNN.zip} after NNNN epochs,
 * {@code epoch-NNNN-batch-BBBBBB.zip} inside epoch NNNN after BBBBBB of its batches, and
 * {@code best.zip} for the best model. Writes are atomic (temporary file, then rename), the newest
 * {@code keep-last} position checkpoints are kept, and a checkpoint that fails to load (cut short,
 * checksum mismatch, unreadable) is reported with its path while the previous one is used. The
 * file format is {@link CheckpointFormat}'s.
 */
public final class CheckpointStore {

    private static final Logger log = LoggerFactory.getLogger(CheckpointStore.class);
    private static final Pattern POSITION_FILE = Pattern.compile("epoch-(\\d+)(?:-batch-(\\d+))?\\.zip");
    private static final Comparator<Path> NEWEST_FIRST = Comparator.comparingLong(CheckpointStore::order).reversed();
    /** The file name of the best model's checkpoint. */
    public static final String BEST = "best.zip";

    private final Path directory;

    public CheckpointStore(Path directory) {
        this.directory = directory;
    }

    /** The folder. */
    public Path directory() {
        return directory;
    }

    /** The file of the checkpoint at {@code position}. */
    public Path positionFile(RunPosition position) {
        String epochs = String.format("epoch-%04d", position.epochsCompleted());
        return directory.resolve(position.insideEpoch()
                ? epochs + String.format("-batch-%06d.zip", position.batchInEpoch()) : epochs + ".zip");
    }

    /** The file of the checkpoint after {@code epochsCompleted} epochs. */
    public Path epochFile(int epochsCompleted) {
        return positionFile(RunPosition.afterEpoch(epochsCompleted));
    }

    /** Writes the checkpoint at its state's position and keeps only the newest {@code keepLast}. */
    public Path save(Checkpoint checkpoint, int keepLast) {
        Path file = positionFile(checkpoint.state().position());
        CheckpointFormat.write(file, checkpoint);
        prune(keepLast);
        return file;
    }

    /** Writes the best model's checkpoint. */
    public Path saveBest(Checkpoint checkpoint) {
        Path file = directory.resolve(BEST);
        CheckpointFormat.write(file, checkpoint);
        return file;
    }

    /**
     * The newest position checkpoint that loads; broken newer ones are logged with their path when an
     * older one is used (when none loads, {@link #whyNoneLoads()} says why, and nothing is logged).
     */
    public Optional<Checkpoint> latest() {
        List<String> broken = new ArrayList<>();
        for (Path file : positionFiles()) {
            try {
                Checkpoint checkpoint = read(file);
                broken.forEach(problem -> log.warn("{}; using the previous checkpoint", problem));
                return Optional.of(checkpoint);
            } catch (CheckpointException e) {
                broken.add(e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Why no position checkpoint loads: there is none, or the newest one's problem. */
    public String whyNoneLoads() {
        List<Path> files = positionFiles();
        if (files.isEmpty()) {
            return "it has no checkpoint (" + directory.getFileName() + "/epoch-NNNN.zip)";
        }
        try {
            read(files.get(0));
            return "its checkpoints load";
        } catch (CheckpointException e) {
            return "none of its " + files.size() + " checkpoint file(s) loads; the newest: " + e.getMessage();
        }
    }

    /** The best model's checkpoint if it loads, else the newest position checkpoint that does. */
    public Optional<Checkpoint> bestOrLatest() {
        return best().or(this::latest);
    }

    /** The best model's checkpoint, if there is one and it loads (a broken one is logged with its path). */
    public Optional<Checkpoint> best() {
        Path best = directory.resolve(BEST);
        if (!Files.exists(best)) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(best));
        } catch (CheckpointException e) {
            log.warn("{}; ignoring it", e.getMessage());
            return Optional.empty();
        }
    }

    /** Position checkpoint files (after epochs and inside epochs), newest first. */
    public List<Path> positionFiles() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> POSITION_FILE.matcher(p.getFileName().toString()).matches())
                    .sorted(NEWEST_FIRST)
                    .toList();
        } catch (IOException e) {
            throw new CheckpointException("cannot list checkpoints in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Reads one checkpoint file, verifying that it is complete and undamaged. */
    public static Checkpoint read(Path file) {
        return CheckpointFormat.read(file);
    }

    private void prune(int keepLast) {
        List<Path> files = positionFiles();
        for (int i = keepLast; i < files.size(); i++) {
            try {
                Files.deleteIfExists(files.get(i));
            } catch (IOException e) {
                log.warn("could not delete old checkpoint {}: {}", files.get(i), e.getMessage());
            }
        }
    }

    /** Epochs completed, then batches into the next epoch: the order in which a run writes them. */
    private static long order(Path p) {
        Matcher m = POSITION_FILE.matcher(p.getFileName().toString());
        if (!m.matches()) {
            return -1;
        }
        long batch = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        return Long.parseLong(m.group(1)) * 10_000_000L + batch;
    }
}
