package io.trainscope.cli.bench;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** What the bench prints, on fixed figures (no measurement). */
class BenchTablesTest {

    private static ThroughputBenchmark.VariantResult row(String name, double samplesPerSecond, Map<String, Double> ms) {
        return new ThroughputBenchmark.VariantResult(name, new Stats(samplesPerSecond, samplesPerSecond - 10,
                samplesPerSecond + 10, 3), new Stats(0.5, 0.4, 0.6, 3), new Stats(0.75, 0.7, 0.8, 3), ms);
    }

    private static String printed(Consumer<PrintWriter> print) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            print.accept(out);
        }
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void throughputRowsShowTheRangeRatiosAndShareOfTheFloor() {
        var floor = new GemmFloor.Result(new Stats(0.002, 0.001, 0.003, 15), 4000, 0.5, 2);
        String text = printed(out -> BenchTables.throughput(out, List.of(row("a", 1000, Map.of())), floor, List.of(1, 2)));
        assertThat(text).startsWith("\ntraining throughput").contains(
                "\na                                  1000        990-1010             0.500       0.750       25%\n",
                "all-core gemm floor (fastest over BLAS threads [1, 2]: 2): 2.00 ms per iteration (0.50 GFLOP");
    }

    @Test
    void monitorTimesListOnlyRowsThatRanMonitorsInTheirOrder() {
        var ms = new LinkedHashMap<String, Double>();
        ms.put("weights", 2.0);
        ms.put("loss", 0.125);
        String text = printed(out -> BenchTables.monitorTimes(out, List.of(row("bare", 1, Map.of()), row("all", 1, ms))));
        assertThat(text).isEqualTo("  time inside monitors, all (ms per iteration): weights 2.000, loss 0.125\n");
    }

    @Test
    void aSkippedTableSaysWhyAndMeasurementsNotTakenSaySo() {
        assertThat(printed(out -> BenchTables.variants(out, "cnn", "no image data", List.of())))
                .endsWith("vs no mon.\n  skipped: no image data\n");
        assertThat(printed(out -> BenchTables.startup(out, null)))
                .isEqualTo("start-up: not measured (run through the ./trainscope launcher to measure it)\n");
        assertThat(printed(out -> BenchTables.memory(out, null))).isEqualTo("memory: not measured (--memory-epochs 0)\n");
        assertThat(printed(out -> BenchTables.dl4jDefaults(out, new Dl4jDefaultsBenchmark.Result(0, 0, "timed out"), 1)))
                .isEqualTo("dl4j at its defaults (own JVM): not measured: timed out\n");
    }
}
