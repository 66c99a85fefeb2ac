package io.trainscope.plugins.monitor;

import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.Parameters;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InitialLossMonitorTest {

    @Test
    void expectsLnCForSoftmaxAndLn2PerUnitForSigmoidAndNothingForRegression() {
        assertThat(InitialLossMonitor.expected("cross-entropy", 10)).isCloseTo(2.302585, within(1e-6));
        assertThat(InitialLossMonitor.expected("binary-cross-entropy", 1)).isCloseTo(0.693147, within(1e-6));
        assertThat(InitialLossMonitor.expected("binary-cross-entropy", 3)).isCloseTo(3 * 0.693147, within(1e-5));
        assertThat(InitialLossMonitor.expected("mse", 1)).isNaN();
    }

    private static FakeContext firstIteration(InitialLossMonitor monitor, String loss, double value) {
        FakeContext ctx = new FakeContext(monitor, Map.of(), FakeContext.network(loss, "tanh", FlatRegion.NONE, 4, 8, 10));
        monitor.onTrainingStart(ctx);
        ctx.loss = value;
        ctx.batchSize = 2;
        // logits of two examples: std sqrt(800 / 20) = 6.32, range [-20, 20]
        float[] logits = new float[20];
        logits[0] = 20f;
        logits[11] = -20f;
        ctx.activations.put(1, Nd4j.create(logits, new long[]{2, 10}).castTo(DataType.FLOAT));
        monitor.onForward(ctx);
        return ctx;
    }

    @Test
    void samplesTheViewsOfIterationZeroOnly() {
        InitialLossMonitor monitor = new InitialLossMonitor();
        Sampling sampling = monitor.sampling(Parameters.defaults(monitor));

        assertThat(sampling.views()).containsExactlyInAnyOrder(View.ACTIVATIONS, View.PRE_ACTIVATIONS);
        assertThat(sampling.samples(0, 0, true)).isTrue();
        assertThat(sampling.samples(1, 0, false)).isFalse();
        assertThat(sampling.samples(100, 5, true)).isFalse();
        assertThat(sampling.wantsDatasetPass()).isFalse();
    }

    @Test
    void recordsTheLossOfTheFirstIterationAndTheExpectation() {
        FakeContext ctx = firstIteration(new InitialLossMonitor(), "cross-entropy", 2.31);

        assertThat(ctx.values("initial.loss", null)).containsExactly(2.31);
        assertThat(ctx.values("initial.loss.expected", null).get(0)).isCloseTo(Math.log(10), within(1e-12));
        assertThat(ctx.findings).isEmpty();
    }

    @Test
    void reportsALossFarAboveLnCWithTheLogitsAsEvidence() {
        FakeContext ctx = firstIteration(new InitialLossMonitor(), "cross-entropy", 27.4);

        assertThat(ctx.findings).singleElement().satisfies(f -> {
            assertThat(f.pathology()).isEqualTo(Pathology.BAD_INITIAL_LOSS);
            assertThat(f.layer()).isEqualTo(1);
            assertThat(f.summary()).contains("11.9 times its expected value").contains("output logits are too large");
            assertThat(f.evidence()).contains("initial loss 27.4 vs expected 2.30 for ln 10, a softmax over 10 classes "
                    + "with equal probabilities (iteration 0, batch of 2)");
            assertThat(f.evidence()).anyMatch(e -> e.startsWith("output logits: std 6.32, range [-20.0, 20.0]"));
        });
    }

    @Test
    void recordsOnlyTheLossForRegressionAndNothingAfterIterationZero() {
        FakeContext mse = firstIteration(new InitialLossMonitor(), "mse", 40.0);
        InitialLossMonitor resumed = new InitialLossMonitor();
        FakeContext later = new FakeContext(resumed, Map.of(), FakeContext.network("tanh", FlatRegion.NONE, 4, 8, 10));
        resumed.onTrainingStart(later);
        later.iteration = 500;
        resumed.onForward(later);

        assertThat(mse.values("initial.loss", null)).containsExactly(40.0);
        assertThat(mse.values("initial.loss.expected", null)).isEmpty();
        assertThat(mse.findings).isEmpty();
        assertThat(later.records).isEmpty();
    }
}
