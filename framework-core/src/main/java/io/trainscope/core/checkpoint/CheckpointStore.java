package io.trainscope.core.checkpoint;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainscope.core.run.AtomicFiles;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The {@code checkpoints/} folder of a run: {@code epoch-NNNN.zip} after epochs, {@code best.zip}
 * for the best model. Writes are atomic (temporary file, then rename), the last N epoch
 * checkpoints are kept, and a checkpoint that fails to load is reported with its path while the
 * previous one is used. A zip holds {@code state.json}, {@code params.bin}, {@code updater.bin}
 * (when the optimizer has state) and {@code config.yaml}, and ends with a {@code complete} entry:
 * a file without it was cut short and is never used.
 */
public final class CheckpointStore {

    private static final Logger log = LoggerFactory.getLogger(CheckpointStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EPOCH_FILE = Pattern.compile("epoch-(\\d+)\\.zip");
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

    /** The file of the checkpoint after {@code epochsCompleted} epochs. */
    public Path epochFile(int epochsCompleted) {
        return directory.resolve(String.format("epoch-%04d.zip", epochsCompleted));
    }

    /** Writes the checkpoint after {@code state.epochsCompleted()} epochs and keeps only the last {@code keepLast}. */
    public Path saveEpoch(Checkpoint checkpoint, int keepLast) {
        Path file = epochFile(checkpoint.state().epochsCompleted());
        write(file, checkpoint);
        prune(keepLast);
        return file;
    }

    /** Writes the best model's checkpoint. */
    public Path saveBest(Checkpoint checkpoint) {
        Path file = directory.resolve(BEST);
        write(file, checkpoint);
        return file;
    }

    /** The newest epoch checkpoint that loads; broken ones are logged with their path and skipped. */
    public Optional<Checkpoint> latest() {
        for (Path file : epochFiles()) {
            try {
                return Optional.of(read(file));
            } catch (CheckpointException e) {
                log.warn("{}; using the previous checkpoint", e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The best model's checkpoint if it loads, else the newest epoch checkpoint that does. */
    public Optional<Checkpoint> bestOrLatest() {
        Path best = directory.resolve(BEST);
        if (Files.exists(best)) {
            try {
                return Optional.of(read(best));
            } catch (CheckpointException e) {
                log.warn("{}; using the newest epoch checkpoint instead", e.getMessage());
            }
        }
        return latest();
    }

    /** Epoch checkpoint files, newest first. */
    public List<Path> epochFiles() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> EPOCH_FILE.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(CheckpointStore::epochOf).reversed())
                    .toList();
        } catch (IOException e) {
            throw new CheckpointException("cannot list checkpoints in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Reads one checkpoint file, checking it is complete. */
    public static Checkpoint read(Path file) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new CheckpointException("checkpoint " + file + " could not be read (" + e.getMessage() + ")", e);
        }
        if (!entries.containsKey("complete") || !entries.containsKey("state.json") || !entries.containsKey("params.bin")) {
            throw new CheckpointException("checkpoint " + file + " is incomplete (it was cut short while being written)");
        }
        try {
            TrainingState state = JSON.readValue(entries.get("state.json"), new TypeReference<TrainingState>() { });
            INDArray params = array(entries.get("params.bin"));
            INDArray updater = entries.containsKey("updater.bin") ? array(entries.get("updater.bin")) : null;
            String config = new String(entries.getOrDefault("config.yaml", new byte[0]), StandardCharsets.UTF_8);
            return new Checkpoint(state, params, updater, config, file);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException("checkpoint " + file + " is corrupt (" + e.getMessage() + ")", e);
        }
    }

    private static void write(Path file, Checkpoint c) {
        try {
            AtomicFiles.write(file, tmp -> {
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                    entry(zip, "state.json", JSON.writeValueAsBytes(c.state()));
                    entry(zip, "params.bin", bytes(c.params()));
                    if (c.updaterState() != null) {
                        entry(zip, "updater.bin", bytes(c.updaterState()));
                    }
                    entry(zip, "config.yaml", c.config().getBytes(StandardCharsets.UTF_8));
                    entry(zip, "complete", new byte[0]);
                }
            });
        } catch (IOException e) {
            throw new CheckpointException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private void prune(int keepLast) {
        List<Path> files = epochFiles();
        for (int i = keepLast; i < files.size(); i++) {
            try {
                Files.deleteIfExists(files.get(i));
            } catch (IOException e) {
                log.warn("could not delete old checkpoint {}: {}", files.get(i), e.getMessage());
            }
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static byte[] bytes(INDArray array) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            Nd4j.write(array, data);
        }
        return out.toByteArray();
    }

    private static INDArray array(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return Nd4j.read(in);
        }
    }

    private static int epochOf(Path p) {
        Matcher m = EPOCH_FILE.matcher(p.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

}
