package io.trainscope.plugins.monitor;

import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The epoch trend of {@link GradientNormsMonitor}, driven by hand-made gradients of known norm. */
class GradientNormsTrendTest {

    private final GradientNormsMonitor monitor = new GradientNormsMonitor();
    private final FakeContext ctx = new FakeContext(monitor, Map.of("every", 1),
            FakeContext.network("tanh", FlatRegion.NONE, 4, 4, 4, 1));

    /** One sampled iteration whose hidden layers' gradients have norms {@code first} and {@code last}. */
    private void sample(long iteration, int epoch, double first, double last) {
        ctx.iteration = iteration;
        ctx.epoch = epoch;
        // a [4, 4] array of equal entries c has norm 4c
        ctx.gradients.put(0, Nd4j.valueArrayOf(new long[]{4, 4}, first / 4, DataType.FLOAT));
        ctx.gradients.put(1, Nd4j.valueArrayOf(new long[]{4, 4}, last / 4, DataType.FLOAT));
        ctx.gradients.put(2, Nd4j.valueArrayOf(new long[]{4, 1}, 0.5, DataType.FLOAT));
        monitor.onBackward(ctx);
    }

    private void endEpoch(int epoch) {
        ctx.epoch = epoch;
        monitor.onEpochEnd(ctx);
    }

    @Test
    void recordsTheMeanOfEachLayersSampledNormsAtEpochEnd() {
        monitor.onTrainingStart(ctx);
        sample(0, 0, 1.0, 2.0);
        sample(1, 0, 3.0, 2.0);
        endEpoch(0);
        sample(2, 1, 0.5, 1.0);
        endEpoch(1);

        assertThat(ctx.values("layer.gradient.norm.epoch.mean", 0)).satisfiesExactly(
                m -> assertThat(m).isCloseTo(2.0, within(1e-6)), m -> assertThat(m).isCloseTo(0.5, within(1e-6)));
        assertThat(ctx.values("layer.gradient.norm.epoch.mean", 2).get(0)).isCloseTo(1.0, within(1e-6));
        assertThat(ctx.values("gradient.norm.ratio.epoch", null)).satisfiesExactly(
                r -> assertThat(r).isCloseTo(1.0, within(1e-6)), r -> assertThat(r).isCloseTo(0.5, within(1e-6)));
        assertThat(ctx.values("layer.gradient.norm", 0)).hasSize(3);
    }

    @Test
    void reportsGradientsThatStartToVanishInALaterEpochOnceWithTheTrend() {
        monitor.onTrainingStart(ctx);
        sample(0, 0, 1.0, 1.0);
        endEpoch(0);
        sample(1, 1, 0.1, 1.0);
        endEpoch(1);
        sample(2, 2, 0.001, 1.0); // a single sample below 0.03 after the first epoch is not reported by itself
        assertThat(ctx.findings).isEmpty();
        sample(3, 2, 0.001, 1.0);
        endEpoch(2);
        sample(4, 3, 0.0001, 1.0);
        endEpoch(3);

        assertThat(ctx.findings).singleElement().satisfies(f -> {
            assertThat(f.pathology()).isEqualTo(Pathology.VANISHING_GRADIENTS);
            assertThat(f.epoch()).isEqualTo(2);
            assertThat(f.summary()).startsWith("Gradients started to vanish during training: by epoch 2")
                    .contains("1.0e-03").contains("1.0e+00");
            assertThat(f.evidence()).anyMatch(e -> e.contains("epoch 0: 1.00e+00, epoch 1: 1.00e-01, epoch 2: 1.00e-03"));
        });
    }

    @Test
    void reportsGradientsThatExplodeInALaterEpoch() {
        monitor.onTrainingStart(ctx);
        sample(0, 0, 1.0, 1.0);
        endEpoch(0);
        sample(1, 1, 500.0, 1.0);
        endEpoch(1);

        assertThat(ctx.findings).extracting(Finding::pathology).containsExactly(Pathology.EXPLODING_GRADIENTS);
        assertThat(ctx.findings.get(0).summary()).startsWith("Gradients started to explode during training");
    }

    @Test
    void aProblemPresentFromInitializationIsReportedPerSampleAndNotAgainAsATrend() {
        monitor.onTrainingStart(ctx);
        sample(0, 0, 0.001, 1.0);
        endEpoch(0);
        sample(1, 1, 0.0001, 1.0);
        endEpoch(1);

        assertThat(ctx.findings).singleElement().satisfies(f -> {
            assertThat(f.iteration()).isZero();
            assertThat(f.summary()).startsWith("Gradients vanish towards the input");
        });
    }
}
