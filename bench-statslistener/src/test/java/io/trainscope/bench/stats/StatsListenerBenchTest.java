package io.trainscope.bench.stats;

import io.trainscope.cli.bench.ThroughputBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The StatsListener comparison runs one round on a tiny config and prints its row beside trainscope's. */
class StatsListenerBenchTest {

    @Test
    void oneRoundPrintsTheStatsListenerRowBesideTheInstrumentedOnes(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("tiny.yaml");
        Files.writeString(config, "data: {source: gaussian-classification, samples: 96, features: 6}\n"
                + "model: {hidden: [8, 8]}\ntraining: {batch-size: 8}\n");
        StringWriter out = new StringWriter();

        var rows = StatsListenerBench.run(config, new ThroughputBenchmark.Options(1, 1, 3), new PrintWriter(out));

        assertThat(rows).extracting(ThroughputBenchmark.VariantResult::name).contains(StatsListenerBench.STATS_LISTENER);
        assertThat(out.toString()).contains("user network, dl4j StatsListener (defaults)",
                "user network, instrumented, default monitors");
    }
}
