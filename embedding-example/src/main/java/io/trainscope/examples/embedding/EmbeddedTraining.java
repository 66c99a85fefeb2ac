package io.trainscope.examples.embedding;

import io.trainscope.api.monitor.Finding;
import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingResult;

import java.nio.file.Path;

/**
 * Trainscope embedded in an application, with framework-core and an SLF4J binding on the classpath
 * and nothing else of trainscope: the README's Java snippet is the body of {@link #train}. Without
 * framework-report the run folder has no {@code report.html}.
 */
public final class EmbeddedTraining {

    private EmbeddedTraining() {
    }

    /** Trains {@code args[0]} (default: seed 000's relu config) into {@code runs/}. */
    public static void main(String[] args) {
        Path config = Path.of(args.length > 0 ? args[0] : "examples/configs/seed000-relu-he.yaml");
        train(config, Path.of("runs"));
    }

    /** Trains a config's first seed into a folder under {@code runs}, printing what it found. */
    public static TrainingResult train(Path config, Path runs) {
        // --- README snippet: embedding ---
        Trainscope trainscope = Trainscope.create();                       // discovers plugins, wires Guice
        ResolvedExperiment experiment = trainscope.resolve(config);        // checks the config against the plugins
        InMemoryMeasurements measurements = new InMemoryMeasurements();    // every measurement, also in memory
        TrainingResult result = trainscope.trainer().train(experiment,
                RunOptions.defaults().withOutputRoot(runs).withExtraSink(measurements));
        System.out.println(result.outcome() + " in " + result.directory());
        System.out.println("gradient ratio at init: " + measurements.value("gradient.norm.ratio", 0, null));
        for (Finding f : result.findings()) {
            System.out.println(f.severity() + " " + f.summary() + " Fix: " + f.prescription());
        }
        // --- end of snippet ---
        return result;
    }
}
