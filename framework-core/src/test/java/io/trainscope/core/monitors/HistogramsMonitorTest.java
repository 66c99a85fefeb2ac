package io.trainscope.core.monitors;

import io.trainscope.api.monitor.Histogram;
import io.trainscope.core.run.Measurement;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The histograms monitor on real training, and seed 000's three-panel picture. */
class HistogramsMonitorTest {

    /** 60 examples in batches of 20: iterations 0-2 are epoch 0, 3-5 epoch 1, 6-8 epoch 2. */
    private static final String SMALL = """
            data: {source: test-positive, samples: 60, features: 3}
            model: {hidden: [4, 3], activation: tanh, init: xavier-normal}
            training: {optimizer: {name: sgd, learning-rate: 0.1}, epochs: 3, batch-size: 20, seed: 2}
            monitors: [%s]
            """;

    private static List<Long> iterations(SeedRuns.Run run, String metric) {
        return run.sink().metric(metric).stream().filter(m -> m.layer() == 0).map(Measurement::iteration).toList();
    }

    @Test
    void recordsAtInitializationAndAtTheFirstIterationOfEveryKthEpochOnly() {
        SeedRuns.Run everyEpoch = SeedRuns.train(SMALL.formatted("histograms"));
        SeedRuns.Run everyOther = SeedRuns.train(SMALL.formatted("{name: histograms, every-epochs: 2}"));
        SeedRuns.Run initOnly = SeedRuns.train(SMALL.formatted("{name: histograms, every-epochs: 0, every: 4}"));

        for (String metric : List.of("layer.weight.histogram", "layer.preactivation.histogram", "layer.activation.histogram",
                "layer.gradient.histogram", "layer.gradient.log10.histogram", "layer.weight.p50", "layer.gradient.p95")) {
            assertThat(iterations(everyEpoch, metric)).as(metric).containsExactly(0L, 3L, 6L);
        }
        assertThat(iterations(everyOther, "layer.weight.histogram")).containsExactly(0L, 6L);
        assertThat(iterations(initOnly, "layer.weight.histogram")).containsExactly(0L, 4L, 8L);
    }

    @Test
    void countsEveryWeightActivationAndGradientOfEachLayer() {
        SeedRuns.Run run = SeedRuns.train(SMALL.formatted("histograms"));

        // layer 0: 3 inputs x 4 units; layer 1: 4 x 3; output: 3 x 2 (softmax over two classes); batch 20
        long[][] shapes = {{3, 4}, {4, 3}, {3, 2}};
        for (int l = 0; l < 3; l++) {
            long weights = shapes[l][0] * shapes[l][1];
            assertThat(run.histogram("layer.weight.histogram", 0, l).total()).isEqualTo(weights);
            assertThat(run.histogram("layer.gradient.histogram", 3, l).total()).isEqualTo(weights);
            assertThat(run.histogram("layer.gradient.log10.histogram", 3, l).total()).isBetween(1L, weights);
            assertThat(run.histogram("layer.activation.histogram", 6, l).total()).isEqualTo(20 * shapes[l][1]);
            assertThat(run.histogram("layer.preactivation.histogram", 6, l).total()).isEqualTo(20 * shapes[l][1]);
            assertThat(run.histogram("layer.weight.histogram", 0, l).counts()).hasSize(50);
        }
    }

    @Test
    void weightQuantilesFollowTheInitializersDistribution() {
        // 2500 weights of U(-1, 1): p05 = -0.9, p25 = -0.5, p50 = 0, p75 = 0.5, p95 = 0.9; the sampling
        // error of a quantile is sqrt(p(1-p)/n) / density = at most sqrt(0.25/2500) / 0.5 = 0.02: allow 3 of it
        SeedRuns.Run run = SeedRuns.train("""
                data: {source: gaussian-classification, samples: 100, features: 50, classes: 2}
                model: {hidden: [50], activation: tanh, init: {name: uniform, low: -1.0, high: 1.0}}
                training: {epochs: 1, batch-size: 100, seed: 4}
                monitors: [histograms]
                """);

        assertThat(run.value("layer.weight.p05", 0, 0)).isBetween(-0.96, -0.84);
        assertThat(run.value("layer.weight.p25", 0, 0)).isBetween(-0.56, -0.44);
        assertThat(run.value("layer.weight.p50", 0, 0)).isBetween(-0.06, 0.06);
        assertThat(run.value("layer.weight.p75", 0, 0)).isBetween(0.44, 0.56);
        assertThat(run.value("layer.weight.p95", 0, 0)).isBetween(0.84, 0.96);
        // the mean of 2500 draws of variance 1/3 has standard error 0.0115
        assertThat(run.value("layer.weight.mean", 0, 0)).isBetween(-0.035, 0.035);
    }

    @Test
    void readsAnEvenSampleOfArraysLargerThanMaxValues() {
        SeedRuns.Run run = SeedRuns.train(SMALL.formatted("{name: histograms, max-values: 10}"));

        // 12 weights of [3, 4], at most 10: the stride is the first prime >= 2 dividing neither 3 nor 4, 5
        assertThat(run.histogram("layer.weight.histogram", 0, 0).total()).isEqualTo(3);
        assertThat(run.histogram("layer.weight.histogram", 0, 2).total()).isEqualTo(6);
    }

    @Test
    void seed000NormalInitPilesSigmoidOutputsAtZeroAndOneAndStarvesLayerZerosGradients() {
        SeedRuns.Run run = SeedRuns.sigmoidNormal();

        for (int layer : new int[]{0, 3, 6}) { // the layers seed 000 plots
            long[] counts = run.histogram("layer.activation.histogram", 0, layer).counts();
            long[] sorted = counts.clone();
            Arrays.sort(sorted);
            assertThat(List.of(counts[0], counts[counts.length - 1])).as("layer %s: the outer bins are the fullest", layer)
                    .containsExactlyInAnyOrder(sorted[sorted.length - 1], sorted[sorted.length - 2]);
        }
        double first = Hand.median(run.histogram("layer.gradient.log10.histogram", 0, 0));
        double last = Hand.median(run.histogram("layer.gradient.log10.histogram", 0, 10));
        assertThat(last - first).as("decades between the last layer's and layer 0's typical |gradient|")
                .isGreaterThan(2.0);
    }

    @Test
    void seed000TinyUniformInitCollapsesEverySigmoidOutputNearOneHalf() {
        SeedRuns.Run run = SeedRuns.sigmoidUniform();

        // |z| <= 0.01 * sum |x| keeps sigmoid(z) within about 0.5 +- 0.04 in layer 0, tighter beyond
        for (int layer = 0; layer < 10; layer++) {
            Histogram h = run.histogram("layer.activation.histogram", 0, layer);
            assertThat(h.edges()[0]).as("layer %s", layer).isGreaterThan(0.44);
            assertThat(h.edges()[h.edges().length - 1]).as("layer %s", layer).isLessThan(0.56);
        }
    }
}
