package io.trainscope.core.monitors;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.run.Measurement;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingResult;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seed 000's 10 x 50 networks on 1000 x 50 N(0, 1) inputs with random 0/1 labels, full batch,
 * trained for two iterations (one per epoch) with every monitor of the monitor issue on every
 * iteration. Each set-up is trained once per test JVM and shared by the tests that read it.
 */
final class SeedRuns {

    /** Seed 000's configuration; {@code %s} is the hidden activation, then the initializer. */
    static final String SEED_000 = """
            data: {source: gaussian-classification, samples: 1000, features: 50, classes: 2, labels: random}
            model:
              hidden: {layers: 10, units: 50}
              activation: %s
              init: %s
              output: {activation: sigmoid, loss: binary-cross-entropy}
            training: {optimizer: {name: sgd, learning-rate: 0.1}, epochs: 2, batch-size: 1000, seed: 1}
            monitors:
              - histograms
              - {name: saturation, every: 1}
              - {name: variance-flow, every: 1, max-values: 65536}
              - initial-loss
              - {name: update-ratio, every: 1}
              - {name: symmetry, every: 1}
              - {name: gradient-norms, every: 1}
              - test-capture
            """;

    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

    private SeedRuns() {
    }

    /** Sigmoid with N(0, 1) weights: saturated layers, vanishing gradients. */
    static Run sigmoidNormal() {
        return run("sigmoid", "{name: normal, mean: 0.0, std: 1.0}");
    }

    /** Sigmoid with U(-0.01, 0.01) weights: activations collapsed at 0.5. */
    static Run sigmoidUniform() {
        return run("sigmoid", "{name: uniform, low: -0.01, high: 0.01}");
    }

    /** Tanh with Xavier-normal weights: the cure. */
    static Run tanhXavier() {
        return run("tanh", "xavier-normal");
    }

    private static Run run(String activation, String init) {
        return RUNS.computeIfAbsent(activation + init, k -> train(SEED_000.formatted(activation, init)));
    }

    /** Trains a config in memory and keeps what the capture monitor saw. */
    static Run train(String yaml) {
        InMemoryMeasurements sink = new InMemoryMeasurements();
        TrainingResult result = TestTrainscope.get().trainer().train(TestTrainscope.resolve(yaml), RunOptions.inMemory(sink));
        return new Run(result, sink, CaptureMonitor.LAST);
    }

    /**
     * One finished run.
     *
     * @param result  what the trainer returned
     * @param sink    every measurement
     * @param capture the views of iteration 0 (null when the config had no {@code test-capture})
     */
    record Run(TrainingResult result, InMemoryMeasurements sink, CaptureMonitor capture) {

        /** A scalar measurement, or NaN. */
        double value(String metric, long iteration, Integer layer) {
            return sink.value(metric, iteration, layer);
        }

        /** A histogram measurement, or null. */
        Histogram histogram(String metric, long iteration, int layer) {
            return sink.metric(metric).stream()
                    .filter(m -> m.iteration() == iteration && Objects.equals(m.layer(), layer))
                    .map(Measurement::histogram).findFirst().orElse(null);
        }

        /** The findings of one pathology. */
        List<Finding> findings(Pathology pathology) {
            return result.findings().stream().filter(f -> f.pathology().equals(pathology)).toList();
        }
    }
}
