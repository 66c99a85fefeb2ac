package io.trainscope.core.checkpoint;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.trainscope.api.data.ImageShape;
import io.trainscope.api.data.Task;
import io.trainscope.core.run.OutputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoint files: what they hold, how damage is detected, and which one a resume uses. */
class CheckpointStoreTest {

    private static Checkpoint checkpoint(RunPosition position) {
        INDArray params = Nd4j.create(new float[]{0.5f, -1.25f, 3e-7f, Float.MIN_VALUE, 7f, -0f, 2f}, new long[]{1, 7}, 'c');
        INDArray updater = Nd4j.linspace(1, 14, 14).castTo(params.dataType()).reshape(1, 14);
        TrainingState state = new TrainingState(TrainingState.FORMAT, position, 42, 7, 11,
                new StoppingState(0.25, 3, 1), 1234, 21, 6,
                List.of(Map.of("monitor", "dead-neurons", "pathology", "dead-units")),
                Map.of("0.mean", new float[]{1f, 2f}), List.of("a", "b"), 0,
                new ImageShape(1, 2, 3));
        return new Checkpoint(state, params, updater, "name: test\n", null);
    }

    @Test
    void aCheckpointReadsBackExactlyWhatWasWritten(@TempDir Path dir) {
        Checkpoint written = checkpoint(new RunPosition(2, 5, 3.5, 80));
        Path file = new CheckpointStore(dir).save(written, 3);

        Checkpoint read = CheckpointStore.read(file);

        assertThat(file.getFileName().toString()).isEqualTo("epoch-0002-batch-000005.zip");
        assertThat(read.params().toFloatVector()).containsExactly(written.params().toFloatVector());
        assertThat(read.params().shape()).containsExactly(1, 7);
        assertThat(read.updaterState().toFloatVector()).containsExactly(written.updaterState().toFloatVector());
        assertThat(read.state().position()).isEqualTo(new RunPosition(2, 5, 3.5, 80));
        assertThat(read.state().earlyStopping()).isEqualTo(new StoppingState(0.25, 3, 1));
        assertThat(read.state().iteration()).isEqualTo(42);
        assertThat(read.state().task()).isEqualTo(new Task.Classification(List.of("a", "b")));
        assertThat(read.state().featureStatistics().get("0.mean")).containsExactly(1f, 2f);
        assertThat(read.state().image()).isEqualTo(new ImageShape(1, 2, 3));
        assertThat(read.config()).isEqualTo("name: test\n");
    }

    @Test
    void aCheckpointThatCannotBeWrittenFailsWithOneLineAndThePreviousOneStays(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        Path first = store.save(checkpoint(RunPosition.afterEpoch(1)), 1);
        Path blocked = Files.createDirectories(store.epochFile(2));
        Files.writeString(blocked.resolve("in-the-way"), "a folder where the checkpoint goes");

        assertThatThrownBy(() -> store.save(checkpoint(RunPosition.afterEpoch(2)), 1))
                .isInstanceOf(OutputException.class)
                .hasMessage("cannot write " + blocked + ": a folder is in its place; move that folder out of the way, or write "
                        + "the runs elsewhere (--output DIR); files written before are kept, and a run resumes from its "
                        + "last checkpoint (trainscope train --resume RUN_DIR)");

        assertThat(CheckpointStore.read(first).state().position()).isEqualTo(RunPosition.afterEpoch(1));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left, the old one not pruned")
                    .containsExactlyInAnyOrder(first.getFileName().toString(), blocked.getFileName().toString());
        }
    }

    @Test
    void aCheckpointWhoseContentChangedAfterWritingIsRejectedByItsChecksum(@TempDir Path dir) throws IOException {
        Path file = new CheckpointStore(dir).save(checkpoint(RunPosition.afterEpoch(1)), 3);
        byte[] other = ArrayCodec.encode(Nd4j.zeros(1, 7).castTo(DataType.FLOAT));
        rewrite(file, entries -> entries.put(CheckpointFormat.PARAMS, other));

        assertThatThrownBy(() -> CheckpointStore.read(file)).isInstanceOf(CheckpointException.class)
                .hasMessage("checkpoint " + file + " is corrupt: the checksum of params.bin does not match (the file was "
                        + "damaged after it was written)");
    }

    @Test
    void aCutShortCheckpointIsReportedWithItsPathAndThePreviousOneIsUsed(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        store.save(checkpoint(RunPosition.afterEpoch(1)), 3);
        Path newest = store.save(checkpoint(RunPosition.afterEpoch(2)), 3);
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, Arrays.copyOf(bytes, bytes.length / 2));

        List<String> warnings = warnings(() -> assertThat(store.latest()).get()
                .satisfies(c -> assertThat(c.state().epochsCompleted()).isEqualTo(1)));

        assertThat(warnings).singleElement().asString().startsWith("checkpoint " + newest + " ")
                .endsWith("; using the previous checkpoint");
    }

    @Test
    void anArrayThatDeclaresMoreValuesThanItHoldsIsRefusedBeforeAnythingIsAllocated(@TempDir Path dir) throws IOException {
        Path file = new CheckpointStore(dir).save(checkpoint(RunPosition.afterEpoch(1)), 3);
        ByteBuffer huge = ByteBuffer.allocate(6 + 16 + 8).putInt(0x54534131).put((byte) 1).put((byte) 2)
                .putLong(1).putLong(Integer.MAX_VALUE).putLong(0);
        rewrite(file, entries -> {
            entries.put(CheckpointFormat.PARAMS, huge.array());
            entries.put(CheckpointFormat.CHECKSUMS, checksums(entries));
        });

        assertThatThrownBy(() -> CheckpointStore.read(file)).isInstanceOf(CheckpointException.class)
                .hasMessage("checkpoint " + file + " is corrupt (the array declares 2147483647 values but holds 8 bytes)");
    }

    @Test
    void aCheckpointWithAnEntryOfItsOwnOrWithoutChecksumsIsRefused(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        Path foreign = store.save(checkpoint(RunPosition.afterEpoch(1)), 3);
        rewrite(foreign, entries -> entries.put("payload.ser", new byte[]{(byte) 0xAC, (byte) 0xED, 0, 5}));
        Path unchecked = store.save(checkpoint(RunPosition.afterEpoch(2)), 3);
        rewrite(unchecked, entries -> entries.remove(CheckpointFormat.CHECKSUMS));

        assertThatThrownBy(() -> CheckpointStore.read(foreign))
                .hasMessage("checkpoint " + foreign + " is not a trainscope checkpoint (unexpected entry 'payload.ser')");
        assertThatThrownBy(() -> CheckpointStore.read(unchecked))
                .hasMessage("checkpoint " + unchecked + " has no checksums: it was written by an older trainscope and "
                        + "cannot be verified; train the run again");
    }

    @Test
    void checkpointsAreOrderedByEpochThenBatchAndOnlyTheNewestAreKept(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir);
        store.save(checkpoint(RunPosition.afterEpoch(1)), 2);
        store.save(checkpoint(new RunPosition(1, 3, 0, 0)), 2);
        store.save(checkpoint(new RunPosition(1, 12, 0, 0)), 2);
        store.save(checkpoint(RunPosition.afterEpoch(2)), 2);
        store.saveBest(checkpoint(RunPosition.afterEpoch(1)));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("best.zip", "epoch-0001-batch-000012.zip", "epoch-0002.zip");
        }
        assertThat(store.latest()).get().satisfies(c -> assertThat(c.state().epochsCompleted()).isEqualTo(2));
        assertThat(store.best()).get().satisfies(c -> assertThat(c.state().epochsCompleted()).isEqualTo(1));
    }

    /** Rewrites a checkpoint zip with its entries changed, stored as the store writes them. */
    private static void rewrite(Path file, Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        change.accept(entries);
        byte[] complete = entries.remove(CheckpointFormat.COMPLETE);
        if (complete != null) {
            entries.put(CheckpointFormat.COMPLETE, complete);
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                entry.setCrc(crc.getValue());
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    private static byte[] checksums(Map<String, byte[]> entries) {
        StringBuilder out = new StringBuilder();
        entries.forEach((name, bytes) -> {
            if (!name.equals(CheckpointFormat.CHECKSUMS) && !name.equals(CheckpointFormat.COMPLETE)) {
                out.append(sha256(bytes)).append("  ").append(name).append('\n');
            }
        });
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The WARN messages the store logs while {@code action} runs. */
    private static List<String> warnings(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(CheckpointStore.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            action.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
