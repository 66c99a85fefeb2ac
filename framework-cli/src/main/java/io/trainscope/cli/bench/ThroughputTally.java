package io.trainscope.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The throughput benchmark's bookkeeping: each round's samples/s and time inside each monitor per
 * variant, the ratios within the round to {@link ThroughputBenchmark#BASELINE} and
 * {@link ThroughputBenchmark#NO_MONITORS}, and their statistics over all rounds.
 */
final class ThroughputTally {

    private final List<String> names;
    private final Map<String, List<Double>> speeds = new LinkedHashMap<>();
    private final Map<String, List<Double>> ratios = new LinkedHashMap<>();
    private final Map<String, List<Double>> ratiosToNone = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Double>>> monitorMs = new LinkedHashMap<>();
    private final Map<String, Double> round = new LinkedHashMap<>();

    /** A tally of the variants {@code names}, in table order. */
    ThroughputTally(List<String> names) {
        this.names = List.copyOf(names);
        names.forEach(n -> {
            speeds.put(n, new ArrayList<>());
            ratios.put(n, new ArrayList<>());
            ratiosToNone.put(n, new ArrayList<>());
            monitorMs.put(n, new LinkedHashMap<>());
        });
    }

    /** Records one variant's measurement in the current round. */
    void add(String name, double samplesPerSecond, Map<String, Double> msPerIteration) {
        round.put(name, samplesPerSecond);
        speeds.get(name).add(samplesPerSecond);
        msPerIteration.forEach((monitor, ms) -> monitorMs.get(name).computeIfAbsent(monitor, x -> new ArrayList<>()).add(ms));
    }

    /**
     * Closes the current round: records each variant's ratios to the round's references and returns
     * the round's samples/s as one line ("name 123/s, ..." in the order measured).
     */
    String endRound() {
        double bare = round.get(ThroughputBenchmark.BASELINE);
        double none = round.get(ThroughputBenchmark.NO_MONITORS);
        List<String> parts = new ArrayList<>();
        round.forEach((name, s) -> {
            ratios.get(name).add(s / bare);
            ratiosToNone.get(name).add(s / none);
            parts.add(String.format(Locale.ROOT, "%s %.0f/s", name, s));
        });
        round.clear();
        return String.join(", ", parts);
    }

    /** Every variant's statistics over the closed rounds, in table order. */
    List<ThroughputBenchmark.VariantResult> results() {
        List<ThroughputBenchmark.VariantResult> results = new ArrayList<>();
        for (String n : names) {
            Map<String, Double> ms = new LinkedHashMap<>();
            monitorMs.get(n).forEach((monitor, list) -> ms.put(monitor, Stats.of(toArray(list)).median()));
            results.add(new ThroughputBenchmark.VariantResult(n, Stats.of(toArray(speeds.get(n))),
                    Stats.of(toArray(ratios.get(n))), Stats.of(toArray(ratiosToNone.get(n))), ms));
        }
        return results;
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
