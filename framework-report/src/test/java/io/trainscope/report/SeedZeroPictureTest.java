package io.trainscope.report;

import io.trainscope.api.monitor.Histogram;
import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 5's "done when": seed 000's 10x50 sigmoid network, trained for real with the
 * {@code histograms} monitor, yields a report whose histograms show the seed's picture.
 */
class SeedZeroPictureTest {

    private static final String SEED_000 = """
            data: {source: gaussian-classification, samples: 1000, features: 50, classes: 2, labels: random}
            model:
              hidden: {layers: 10, units: 50}
              activation: sigmoid
              init: INIT
              output: {activation: sigmoid, loss: binary-cross-entropy}
            training: {optimizer: {name: sgd, learning-rate: 0.1}, epochs: 1, batch-size: 1000, seed: 1}
            monitors: [{name: gradient-norms, every: 1}, {name: histograms, every-epochs: 1}]
            """;

    private static Trainscope trainscope;

    @BeforeAll
    static void needsTheHistogramsMonitor() {
        trainscope = Trainscope.create();
        assumeTrue(trainscope.plugins().names(PluginFamily.MONITOR).contains("histograms"),
                "the histograms monitor is not on the classpath (plugins/monitors): skipping seed 000's picture");
    }

    private static RunData train(Path root, String init) {
        var spec = new ConfigLoader().parse(SEED_000.replace("INIT", init), "test", "test config", Path.of(""));
        TrainingResult r = trainscope.trainer().train(trainscope.resolve(spec),
                RunOptions.defaults().withOutputRoot(root));
        return RunData.read(r.directory());
    }

    @Test
    void withNormalWeightsSigmoidOutputsPileAtZeroAndOneAndLayerZeroGetsOrdersOfMagnitudeLessGradient(@TempDir Path root)
            throws Exception {
        RunData run = train(root, "{name: normal, mean: 0.0, std: 1.0}");
        Map<Integer, HistogramSnapshot> activations = run.firstHistograms("layer.activation.histogram");
        Map<Integer, HistogramSnapshot> gradients = run.firstHistograms("layer.gradient.log10.histogram");

        for (int layer : new int[]{0, 3, 6}) {
            Histogram h = activations.get(layer).histogram();
            double ends = share(h, 0.0, 0.1) + share(h, 0.9, 1.0);
            // a fifth of the range holds about half the outputs, the middle fifth a few percent
            assertThat(ends).as("hidden-%d activations within 0.1 of 0 or 1", layer).isGreaterThan(0.4)
                    .isGreaterThan(5 * share(h, 0.4, 0.6));
        }
        assertThat(mean(gradients.get(10).histogram()) - mean(gradients.get(0).histogram()))
                .as("decades between the output layer's and layer 0's |gradient|").isGreaterThan(2);
        String html = Files.readString(ReportWriter.writeFor(run.directory()));
        assertThat(ReportWriterTest.charts(html)).contains("hist-first-layer-weight-histogram",
                "hist-first-layer-activation-histogram", "hist-first-layer-gradient-log10-histogram");
        assertThat(html).contains("hidden-0", "hidden-3", "hidden-6", "output", "log10(|gradient of weights|)");
    }

    @Test
    void withTinyUniformWeightsEveryLayersActivationsCollapseNearOneHalf(@TempDir Path root) throws Exception {
        RunData run = train(root, "{name: uniform, low: -0.01, high: 0.01}");
        Map<Integer, HistogramSnapshot> activations = run.firstHistograms("layer.activation.histogram");

        assertThat(activations).hasSizeGreaterThanOrEqualTo(10);
        for (var e : activations.entrySet()) {
            assertThat(share(e.getValue().histogram(), 0.45, 0.55)).as("layer %d activations within 0.05 of 0.5", e.getKey())
                    .isGreaterThan(0.999);
        }
        assertThat(run.directory().resolve(RunFolder.REPORT)).as("the trainer writes the report itself").exists();
    }

    /** Share of the counts in bins lying within [low, high]. */
    private static double share(Histogram h, double low, double high) {
        long in = 0;
        for (int i = 0; i < h.counts().length; i++) {
            if (h.edges()[i] >= low && h.edges()[i + 1] <= high) {
                in += h.counts()[i];
            }
        }
        return in / (double) h.total();
    }

    private static double mean(Histogram h) {
        double sum = 0;
        for (int i = 0; i < h.counts().length; i++) {
            sum += h.counts()[i] * (h.edges()[i] + h.edges()[i + 1]) / 2;
        }
        return sum / h.total();
    }
}
