package io.trainscope.cli;

import io.trainscope.core.run.Measurement;
import io.trainscope.core.run.MeasurementSink;
import io.trainscope.core.training.TrainerMetrics;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table printed after a multi-seed run: for every network-wide value a monitor recorded at
 * initialization (iteration 0, such as {@code gradient.norm.ratio}) and every final metric of the
 * trainer, the value per seed with the median, minimum and maximum. One seed proves little.
 */
final class SeedSummary {

    private final Map<String, Map<Long, Double>> values = new LinkedHashMap<>();
    private final List<Long> seeds = new ArrayList<>();
    private long seed;

    /** The next measurements belong to {@code seed}. */
    void startSeed(long seed) {
        this.seed = seed;
        seeds.add(seed);
    }

    /** A sink that keeps only the values the table shows. */
    MeasurementSink sink() {
        return this::accept;
    }

    private synchronized void accept(Measurement m) {
        if (m.layer() != null || m.isHistogram()) {
            return;
        }
        boolean initial = m.iteration() == 0 && !m.monitor().equals(TrainerMetrics.SOURCE);
        String name = m.metric().name();
        boolean finalMetric = m.monitor().equals(TrainerMetrics.SOURCE) && (name.startsWith(TrainerMetrics.TEST)
                || name.startsWith(TrainerMetrics.VALIDATION) || name.equals(TrainerMetrics.EPOCH_LOSS.name()));
        if (initial) {
            values.computeIfAbsent(m.metric().name() + " at initialization", k -> new LinkedHashMap<>())
                    .putIfAbsent(seed, m.value());
        } else if (finalMetric) {
            values.computeIfAbsent("final " + m.metric().name(), k -> new LinkedHashMap<>()).put(seed, m.value());
        }
    }

    /** Prints the table. */
    void print(PrintWriter out) {
        out.printf("%nacross %d seeds %s:%n", seeds.size(), seeds);
        out.printf(Locale.ROOT, "  %-42s %11s %11s %11s%n", "value", "median", "min", "max");
        for (var e : values.entrySet()) {
            double[] v = e.getValue().values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length == 0) {
                continue;
            }
            out.printf(Locale.ROOT, "  %-42s %11.3e %11.3e %11.3e%n", e.getKey(), median(v), v[0], v[v.length - 1]);
        }
    }

    static double median(double[] sorted) {
        double[] v = Arrays.copyOf(sorted, sorted.length);
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
