package io.trainscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code trainscope bench} runs end to end on a tiny config with one round; the figures it prints
 * are not checked (timings on a shared machine mean nothing here), only that every row is there.
 */
class BenchCommandTest {

    @Test
    void oneRoundOnATinyConfigPrintsEveryRowIncludingTheInstrumentedUserNetwork(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("tiny.yaml");
        Files.writeString(config, """
                data: {source: gaussian-classification, samples: 96, features: 64}
                model: {hidden: [8, 8]}
                training: {batch-size: 8}
                """);

        CliRun run = CliRun.of("bench", config.toString(), "--rounds", "1", "--warmup", "1", "--iterations", "3",
                "--skip-startup", "--json", dir.resolve("bench.json").toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("user network, dl4j fit", "user network, instrumented, no monitors",
                "user network, instrumented, default monitors", "StatsListener", "trainscope, no monitors",
                "BLAS threads=", "all-core gemm floor (fastest over BLAS threads", "budgets (issue 17",
                "dead-neuron (dataset) pass vs bare output()", "resident memory growth, MiB per epoch",
                "cnn (conv2d 8 5x5 padding 2, max-pool 2, conv2d 16 5x5 padding 2, max-pool 2, dense 64)")
                .doesNotContain("skipped")
                .containsPattern("config: this one read in [0-9.]+ ms; one scalar of the largest size allowed \\(256 KiB\\) "
                        + "[0-9.]+ ms; a 5 MB file refused in [0-9.]+ ms, nesting deeper than 20 in [0-9.]+ ms \\(medians\\)\\R");
        assertThat(Files.readString(dir.resolve("bench.json"))).contains("instrumented_user_network", "\"cnn\"", "\"budgets\"",
                "\"blasThreads\"", "\"largestScalar\"", "\"refused\" : true");
    }
}
