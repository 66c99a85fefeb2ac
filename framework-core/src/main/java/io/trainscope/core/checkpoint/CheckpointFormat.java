package io.trainscope.core.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainscope.core.run.AtomicFiles;
import io.trainscope.core.run.CrashPoint;
import io.trainscope.core.run.OutputException;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * One checkpoint file: an uncompressed zip of {@code state.json} ({@link TrainingState}),
 * {@code params.bin}, {@code updater.bin} (when the optimizer has state), {@code config.yaml},
 * {@code checksums.sha256} (the SHA-256 of each of those, in {@code sha256sum}'s format, so
 * {@code unzip} and {@code sha256sum -c} can check one by hand) and an empty {@code complete}
 * entry, written last.
 *
 * <p>Reading checks, before decoding anything: that {@code complete} is there (else the file was
 * cut short), that {@code checksums.sha256} is there and every entry matches its checksum (else
 * the file was damaged or written by an older version), and that entries are stored, not
 * compressed. JSON goes through Jackson into records and plain maps (no polymorphic typing), arrays
 * through {@link ArrayCodec}: no Java class is ever named by the file or instantiated from it.
 */
final class CheckpointFormat {

    static final String STATE = "state.json";
    static final String PARAMS = "params.bin";
    static final String UPDATER = "updater.bin";
    static final String CONFIG = "config.yaml";
    static final String CHECKSUMS = "checksums.sha256";
    static final String COMPLETE = "complete";

    private static final Set<String> KNOWN = Set.of(STATE, PARAMS, UPDATER, CONFIG, CHECKSUMS, COMPLETE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointFormat() {
    }

    /** Writes {@code c} to {@code file} atomically; an {@link OutputException} leaves the file as it was. */
    static void write(Path file, Checkpoint c) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try {
            entries.put(STATE, JSON.writeValueAsBytes(c.state()));
            entries.put(PARAMS, ArrayCodec.encode(c.params()));
            if (c.updaterState() != null) {
                entries.put(UPDATER, ArrayCodec.encode(c.updaterState()));
            }
            entries.put(CONFIG, c.config().getBytes(StandardCharsets.UTF_8));
            entries.put(CHECKSUMS, checksums(entries).getBytes(StandardCharsets.UTF_8));
            entries.put(COMPLETE, new byte[0]);
            AtomicFiles.write(file, tmp -> {
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                    for (var e : entries.entrySet()) {
                        stored(zip, e.getKey(), e.getValue());
                        if (e.getKey().equals(PARAMS)) {
                            CrashPoint.reach("checkpoint-write", zip::flush);
                        }
                    }
                }
            });
        } catch (IOException e) {
            throw OutputException.cannotWrite(file, e);
        }
    }

    /** Reads and verifies one checkpoint file. */
    static Checkpoint read(Path file) {
        Map<String, byte[]> entries = entries(file);
        if (!entries.containsKey(COMPLETE)) {
            throw new CheckpointException("checkpoint " + file + " is incomplete (it was cut short while being written)");
        }
        if (!entries.containsKey(CHECKSUMS)) {
            throw new CheckpointException("checkpoint " + file + " has no checksums: it was written by an older trainscope "
                    + "and cannot be verified; train the run again");
        }
        verify(file, entries);
        try {
            TrainingState state = JSON.readValue(entries.get(STATE), TrainingState.class);
            if (state.format() != TrainingState.FORMAT) {
                throw new CheckpointException("checkpoint " + file + " has format " + state.format() + "; this version "
                        + "reads format " + TrainingState.FORMAT);
            }
            INDArray params = ArrayCodec.decode(entries.get(PARAMS));
            INDArray updater = entries.containsKey(UPDATER) ? ArrayCodec.decode(entries.get(UPDATER)) : null;
            String config = new String(entries.getOrDefault(CONFIG, new byte[0]), StandardCharsets.UTF_8);
            return new Checkpoint(state, params, updater, config, file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CheckpointException ce) {
                throw ce;
            }
            throw new CheckpointException("checkpoint " + file + " is corrupt (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, byte[]> entries(Path file) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!KNOWN.contains(e.getName()) || e.getMethod() != ZipEntry.STORED || entries.containsKey(e.getName())) {
                    throw new CheckpointException("checkpoint " + file + " is not a trainscope checkpoint (unexpected entry '"
                            + e.getName() + "')");
                }
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new CheckpointException("checkpoint " + file + " could not be read (" + e.getMessage() + ")", e);
        }
        return entries;
    }

    /** Every entry but the checksums and the end marker must be listed, and match. */
    private static void verify(Path file, Map<String, byte[]> entries) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : new String(entries.get(CHECKSUMS), StandardCharsets.UTF_8).split("\n")) {
            int gap = line.indexOf("  ");
            if (gap > 0) {
                expected.put(line.substring(gap + 2), line.substring(0, gap));
            }
        }
        for (var e : entries.entrySet()) {
            if (e.getKey().equals(CHECKSUMS) || e.getKey().equals(COMPLETE)) {
                continue;
            }
            if (!sha256(e.getValue()).equals(expected.get(e.getKey()))) {
                throw new CheckpointException("checkpoint " + file + " is corrupt: the checksum of " + e.getKey()
                        + " does not match (the file was damaged after it was written)");
            }
        }
        if (!entries.containsKey(STATE) || !entries.containsKey(PARAMS) || !entries.keySet().containsAll(expected.keySet())) {
            throw new CheckpointException("checkpoint " + file + " is corrupt: entries listed in " + CHECKSUMS + " are missing");
        }
    }

    private static String checksums(Map<String, byte[]> entries) {
        StringBuilder out = new StringBuilder();
        entries.forEach((name, bytes) -> out.append(sha256(bytes)).append("  ").append(name).append('\n'));
        return out.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }
}
