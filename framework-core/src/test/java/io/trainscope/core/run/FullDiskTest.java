package io.trainscope.core.run;

import io.trainscope.api.monitor.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A run folder on a full disk: {@code /dev/full} (every write fails with "No space left on device")
 * stands for the disk, so no root and no mount are needed; skipped where it does not exist.
 */
class FullDiskTest {

    private static final Path FULL = Path.of("/dev/full");

    private static Path onAFullDisk(Path dir, String name) throws IOException {
        assumeTrue(Files.isWritable(FULL), "needs /dev/full (Linux) to stand for a full disk");
        return Files.createSymbolicLink(dir.resolve(name), FULL);
    }

    private static Measurement loss(long iteration) {
        return new Measurement("r", iteration, 0, "trainer", null, null, Metric.network("loss", "nats", "the loss"),
                0.5, null);
    }

    @Test
    void measurementsOnAFullDiskFailAtTheFlushOnceWithOneLineNamingTheFileAndTheFix(@TempDir Path dir) throws IOException {
        Path metrics = onAFullDisk(dir, "metrics.jsonl");
        JsonlMeasurementWriter writer = new JsonlMeasurementWriter(metrics);
        writer.accept(loss(0));
        writer.accept(loss(1));

        assertThatThrownBy(writer::flush).isInstanceOf(OutputException.class)
                .hasMessage("cannot write " + metrics + ": No space left on device; free space on that disk, or write "
                        + "the runs to another one (--output DIR); files written before are kept, and a run resumes from "
                        + "its last checkpoint (trainscope train --resume RUN_DIR)")
                .satisfies(e -> assertThat(((OutputException) e).file()).isEqualTo(metrics));
        writer.accept(loss(2));
        writer.flush();
        writer.close();
    }

    @Test
    void aFileThatCannotBeWrittenKeepsItsOldContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run.json");
        AtomicFiles.writeString(file, "{\"status\": \"running\"}");

        assertThatThrownBy(() -> AtomicFiles.write(file, tmp -> {
            throw new IOException("No space left on device");
        })).hasMessage("No space left on device");

        assertThat(file).hasContent("{\"status\": \"running\"}");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
