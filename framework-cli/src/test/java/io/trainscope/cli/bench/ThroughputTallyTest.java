package io.trainscope.cli.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The throughput benchmark's bookkeeping on fixed measurements (no training). */
class ThroughputTallyTest {

    private static final String BASE = ThroughputBenchmark.BASELINE;
    private static final String NONE = ThroughputBenchmark.NO_MONITORS;
    private static final String ALL = ThroughputBenchmark.EVERY_1;

    /** Milliseconds per iteration inside "weights" then "loss", in the order the trainer reports them. */
    private static Map<String, Double> ms(double loss, double weights) {
        Map<String, Double> ms = new LinkedHashMap<>();
        ms.put("weights", weights);
        ms.put("loss", loss);
        return ms;
    }

    @Test
    void ratiosAreTakenWithinEachRoundAndResultsKeepTableOrder() {
        var tally = new ThroughputTally(List.of(BASE, NONE, ALL));
        tally.add(NONE, 90, Map.of());
        tally.add(ALL, 45, ms(0.5, 2.0));
        tally.add(BASE, 100, Map.of());
        assertThat(tally.endRound()).isEqualTo(NONE + " 90/s, " + ALL + " 45/s, " + BASE + " 100/s");
        tally.add(ALL, 30, ms(1.5, 4.0));
        tally.add(BASE, 50, Map.of());
        tally.add(NONE, 60, Map.of());
        tally.endRound();
        tally.add(BASE, 200, Map.of());
        tally.add(NONE, 100, Map.of());
        tally.add(ALL, 80, ms(1.0, 3.0));
        tally.endRound();

        var results = tally.results();

        assertThat(results).extracting(ThroughputBenchmark.VariantResult::name).containsExactly(BASE, NONE, ALL);
        var all = results.get(2);
        assertThat(all.samplesPerSecond()).isEqualTo(new Stats(45, 30, 80, 3));
        assertThat(all.ratioToBare()).isEqualTo(new Stats(0.45, 0.4, 0.6, 3));
        assertThat(all.ratioToNoMonitors().median()).isEqualTo(0.5);
        assertThat(all.monitorMsPerIteration()).containsExactly(Map.entry("weights", 3.0), Map.entry("loss", 1.0));
        assertThat(results.get(0).ratioToBare()).isEqualTo(new Stats(1, 1, 1, 3));
        assertThat(results.get(0).monitorMsPerIteration()).isEmpty();
        assertThat(ThroughputBenchmark.samplesPerSecond(results, NONE)).isEqualTo(90);
        assertThat(ThroughputBenchmark.samplesPerSecond(results, ThroughputBenchmark.STOCK)).isNaN();
    }
}
