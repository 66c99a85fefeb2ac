package io.trainscope.examples.plugins;

import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ExperimentSpec;
import io.trainscope.core.plugin.DiscoveredPlugin;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.run.Measurement;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingResult;
import io.trainscope.examples.ExampleArgs;
import io.trainscope.examples.ExamplePaths;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Extending trainscope: trains {@code examples/configs/extending.yaml}, whose data source,
 * initializer, activation, normalizer and first monitor are this module's example plugins, each
 * registered by one line in {@code META-INF/services} and named in the config. Prints the plugins
 * found in the examples jar, the run's outcome and the example monitor's metric (each layer's
 * relative distance from its initial weights), which the run's report draws in a section of its own.
 *
 * <p>Run: {@code ./trainscope example extending [--config FILE] [--epochs N] [--runs DIR]}.
 */
public final class Extending {

    /** The example monitor's metric. */
    static final String DRIFT = "layer.weight.drift";

    private Extending() {
    }

    public static void main(String[] args) {
        ExampleArgs options = ExampleArgs.parse(args, "config", "epochs", "runs");
        if (options.help()) {
            System.out.println("extending [--config FILE] [--epochs N] [--runs DIR]: trains FILE (default "
                    + "examples/configs/extending.yaml) on the example plugins; --epochs overrides its 40; the run "
                    + "folder goes to --runs (default runs)");
            return;
        }
        Path config = Path.of(options.text("config", ExamplePaths.configs().resolve("extending.yaml").toString()));
        int epochs = options.integer("epochs", 0, 1);
        Trainscope trainscope = Trainscope.create();
        System.out.println("example plugins found through META-INF/services (examples jar):");
        for (DiscoveredPlugin<?> p : trainscope.plugins().all()) {
            if (p.type().getPackageName().equals(Extending.class.getPackageName())) {
                System.out.printf(Locale.ROOT, "  %-12s %-14s %s%n", p.family().displayName(), p.name(),
                        p.type().getSimpleName());
            }
        }
        ExperimentSpec spec = trainscope.load(config);
        if (epochs > 0) {
            spec = spec.withTraining(spec.training().withEpochs(epochs));
        }
        InMemoryMeasurements measurements = new InMemoryMeasurements();
        TrainingResult result = trainscope.trainer().train(trainscope.resolve(spec),
                RunOptions.defaults().withOutputRoot(Path.of(options.text("runs", "runs"))).withExtraSink(measurements));
        System.out.printf(Locale.ROOT, "%n%s after %d epochs: validation accuracy %.4f%n", result.outcome(),
                result.epochs(), result.validation().getOrDefault("accuracy", Double.NaN));
        System.out.print(drift(measurements.metric(DRIFT)));
        System.out.println("run folder: " + result.directory() + " (report.html: section \"Weight drift (example plugin)\")");
    }

    /** The first and last drift of each layer. */
    static String drift(List<Measurement> drift) {
        Map<String, double[]> byLayer = new TreeMap<>();
        for (Measurement m : drift) {
            byLayer.computeIfAbsent(m.layerName(), k -> new double[]{m.value(), m.value()})[1] = m.value();
        }
        StringBuilder sb = new StringBuilder("weight-drift monitor: ||W - W0|| / ||W0|| per layer, first and last measured\n");
        byLayer.forEach((layer, v) -> sb.append(String.format(Locale.ROOT, "  %-10s %.4f -> %.4f%n", layer, v[0], v[1])));
        return sb.toString();
    }
}
