package io.trainscope.examples.embedding;

import io.trainscope.api.monitor.Finding;
import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingResult;

import java.nio.file.Path;

/**
 * Trainscope embedded in an application, without the command line: the README's Java snippet is
 * this class's {@link #main} body.
 */
public final class EmbeddedTraining {

    private EmbeddedTraining() {
    }

    public static void main(String[] args) {
        Path config = Path.of(args.length > 0 ? args[0] : "examples/configs/seed000-relu-he.yaml");
        // --- README snippet: embedding ---
        Trainscope trainscope = Trainscope.create();                       // discovers plugins, wires Guice
        ResolvedExperiment experiment = trainscope.resolve(config);        // checks the config against the plugins
        InMemoryMeasurements measurements = new InMemoryMeasurements();    // every measurement, also in memory
        TrainingResult result = trainscope.trainer().train(experiment,
                RunOptions.defaults().withOutputRoot(Path.of("runs")).withExtraSink(measurements));
        System.out.println(result.outcome() + " in " + result.directory());
        System.out.println("gradient ratio at init: " + measurements.value("gradient.norm.ratio", 0, null));
        for (Finding f : result.findings()) {
            System.out.println(f.severity() + " " + f.summary() + " Fix: " + f.prescription());
        }
        // --- end of snippet ---
    }
}
