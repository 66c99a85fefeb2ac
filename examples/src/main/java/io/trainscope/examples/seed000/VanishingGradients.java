package io.trainscope.examples.seed000;

import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ExperimentSpec;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.training.RunOptions;
import io.trainscope.examples.ExampleArgs;
import io.trainscope.examples.ExamplePaths;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 000's experiment: the ratio of layer 0's weight-gradient norm to the last hidden layer's
 * at initialization, for the four configs in {@code examples/configs/seed000-*.yaml}, over the
 * seeds each config lists, with the median. Run it with {@code ./trainscope example seed000}
 * ({@code --configs DIR} for another folder of the four configs); it writes nothing to disk.
 */
public final class VanishingGradients {

    /** The four configs, in the seed's order: the two sick networks, then the two cures. */
    public static final List<String> CONFIGS = List.of("seed000-sigmoid-normal", "seed000-sigmoid-uniform",
            "seed000-tanh-xavier", "seed000-relu-he");

    private VanishingGradients() {
    }

    /** The first-to-last hidden-layer gradient-norm ratio at initialization, per seed, for one config. */
    public static double[] ratios(Trainscope trainscope, Path config) {
        ExperimentSpec spec = trainscope.load(config);
        ExperimentSpec oneStep = spec.withTraining(spec.training().withEpochs(1));
        ResolvedExperiment resolved = trainscope.resolve(oneStep);
        List<Long> seeds = resolved.spec().training().seeds();
        double[] ratios = new double[seeds.size()];
        for (int i = 0; i < seeds.size(); i++) {
            InMemoryMeasurements sink = new InMemoryMeasurements();
            trainscope.trainer().train(resolved.forSeed(seeds.get(i)), RunOptions.inMemory(sink));
            ratios[i] = sink.value("gradient.norm.ratio", 0, null);
        }
        return ratios;
    }

    /** The median of some values. */
    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Medians of all four configs, read from {@code configDirectory}. */
    public static Map<String, double[]> run(Trainscope trainscope, Path configDirectory) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : CONFIGS) {
            out.put(name, ratios(trainscope, configDirectory.resolve(name + ".yaml")));
        }
        return out;
    }

    public static void main(String[] args) {
        ExampleArgs options = ExampleArgs.parse(args, "configs");
        if (options.help()) {
            System.out.println("seed000 [--configs DIR]: the first-to-last hidden-layer gradient-norm ratio at "
                    + "initialization of " + CONFIGS + " (from DIR, default examples/configs), median over their seeds");
            return;
        }
        Path dir = options.folder("configs", ExamplePaths.configs());
        Map<String, double[]> results = run(Trainscope.create(), dir);
        System.out.printf("%-26s %12s   %s%n", "config", "median ratio", "per seed");
        results.forEach((name, r) -> System.out.printf(Locale.ROOT, "%-26s %12.3e   %s%n", name, median(r),
                Arrays.stream(r).mapToObj(v -> String.format(Locale.ROOT, "%.2e", v)).toList()));
    }
}
