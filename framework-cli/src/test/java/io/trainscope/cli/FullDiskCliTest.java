package io.trainscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A run folder whose disk fills up during training: one line naming the file and the fix, no stack
 * trace, and nothing written before lost. {@code metrics.jsonl} is made a link to {@code /dev/full}
 * (every write fails with "No space left on device"), so no root and no mount are needed.
 */
class FullDiskCliTest {

    private static final Path FULL = Path.of("/dev/full");

    private static final String CONFIG = """
            name: filling
            data: {source: gaussian-classification, samples: 64, features: 4, labels: linear}
            model: {hidden: [5]}
            training: {optimizer: {name: adam, learning-rate: 0.01}, epochs: 1, batch-size: 16, seed: 8}
            monitors: []
            """;

    @Test
    void aFullDiskEndsTheRunWithOneLineNamingTheFileAndKeepsTheCheckpointAlreadyWritten(@TempDir Path dir)
            throws IOException {
        assumeTrue(Files.isWritable(FULL), "needs /dev/full (Linux) to stand for a full disk");
        Path config = Files.writeString(dir.resolve("filling.yaml"), CONFIG);
        CliRun first = CliRun.of("train", config.toString(), "-o", dir.resolve("runs").toString(), "--no-report", "-q");
        assertThat(first.status()).as(first.err()).isZero();
        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
        Path checkpoint = run.resolve("checkpoints").resolve("epoch-0001.zip");
        byte[] written = Files.readAllBytes(checkpoint);
        Path metrics = run.resolve("metrics.jsonl");
        Files.delete(metrics);
        Files.createSymbolicLink(metrics, FULL);

        CliRun full;
        try (LogCapture logs = LogCapture.start()) {
            full = CliRun.of("train", "--resume", run.toString(), "--epochs", "2", "--no-report", "-q");
            assertThat(logs.atWarnOrAbove()).as("nothing logged at ERROR, no stack trace").isEmpty();
        }

        assertThat(full.status()).isEqualTo(TrainscopeCli.FAILED);
        assertThat(full.err()).isEqualTo("trainscope: error: cannot write " + metrics + ": No space left on device; "
                + "free space on that disk, or write the runs to another one (--output DIR); files written before are "
                + "kept, and a run resumes from its last checkpoint (trainscope train --resume RUN_DIR)"
                + System.lineSeparator());
        assertThat(Files.readAllBytes(checkpoint)).as("the checkpoint of epoch 1, untouched").isEqualTo(written);
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("epoch-0001.zip");
        }
        var json = new ObjectMapper().readTree(run.resolve("run.json").toFile());
        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("reason").asText()).startsWith("cannot write " + metrics + ": No space left on device");
    }
}
