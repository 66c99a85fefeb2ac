package io.trainscope.core.monitors;

import io.trainscope.core.TestTrainscope;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not a test: measures what the monitors of the monitor issue cost on the performance issue's MLP
 * (784-512-256-256-128-10 relu, batch 256) on synthetic data, with the in-hook timer
 * ({@link TrainingResult#monitorNanos()}) and end-to-end time per iteration, in one JVM with the
 * variants interleaved. Run with {@code OMP_NUM_THREADS=1}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.trainscope.core.monitors.MonitorCostBenchmark [rounds [epochs [variant]]]
 * </pre>
 */
public final class MonitorCostBenchmark {

    private static final String CONFIG = """
            data: {source: gaussian-classification, samples: 5120, features: 784, classes: 10, labels: linear}
            model: {hidden: [512, 256, 256, 128], activation: relu, init: he-normal}
            training: {optimizer: {name: sgd, learning-rate: 0.01}, epochs: %d, batch-size: 256, seed: 1}
            monitors: %s
            """;

    private static final String ALL = "[{name: histograms, every: %1$d}, {name: saturation, every: %1$d}, "
            + "{name: variance-flow, every: %1$d}, initial-loss, {name: update-ratio, every: %1$d}, "
            + "{name: symmetry, every: %1$d}, {name: gradient-norms, every: %1$d}, "
            + "{name: dead-neurons, every-epochs: 1000}, {name: non-finite, every: %1$d}]";

    private MonitorCostBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String only = args.length > 2 ? args[2] : null;
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("none", "[]");
        variants.put("all every 1", ALL.formatted(1));
        variants.put("all every 10", ALL.formatted(10));
        for (String single : List.of("histograms", "saturation", "variance-flow", "update-ratio", "symmetry")) {
            variants.put(single + " every 1", "[{name: " + single + ", every: 1}]");
        }
        if (only != null) {
            variants.keySet().removeIf(k -> !k.equals("none") && !k.equals(only));
        }
        train(CONFIG.formatted(1, ALL.formatted(1))); // warm-up: JIT and native code paths
        train(CONFIG.formatted(1, "[]"));
        Map<String, List<Double>> perIteration = new LinkedHashMap<>();
        Map<String, Map<String, List<Double>>> inHook = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (var v : variants.entrySet()) {
                long t0 = System.nanoTime();
                TrainingResult result = train(CONFIG.formatted(epochs, v.getValue()));
                double ms = (System.nanoTime() - t0) / 1e6 / result.iterations();
                perIteration.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(ms);
                for (var e : result.monitorNanos().entrySet()) {
                    inHook.computeIfAbsent(v.getKey(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue() / 1e6 / result.iterations());
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-24s %12s %s%n", "variant", "ms/iteration", "in-hook ms per iteration (median)");
        for (String v : variants.keySet()) {
            StringBuilder sb = new StringBuilder();
            inHook.getOrDefault(v, Map.of()).forEach((m, t) -> sb.append(String.format(Locale.ROOT, " %s=%.3f", m, median(t))));
            System.out.printf(Locale.ROOT, "%-24s %12.2f%s   (all: %s)%n", v, median(perIteration.get(v)), sb,
                    perIteration.get(v).stream().map(d -> String.format(Locale.ROOT, "%.1f", d)).toList());
        }
    }

    private static TrainingResult train(String yaml) {
        return TestTrainscope.get().trainer().train(TestTrainscope.resolve(yaml), RunOptions.inMemory(new InMemoryMeasurements()));
    }

    private static double median(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
