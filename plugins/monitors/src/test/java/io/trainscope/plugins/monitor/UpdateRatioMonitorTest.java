package io.trainscope.plugins.monitor;

import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Severity;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UpdateRatioMonitorTest {

    private final UpdateRatioMonitor monitor = new UpdateRatioMonitor();
    private final FakeContext ctx = new FakeContext(monitor, Map.of("every", 1),
            FakeContext.network("relu", FlatRegion.below(0), 2, 2, 1));

    /** One update whose ratios are {@code hidden} and {@code output}: W of norm 1, ΔW of norm ratio. */
    private void update(long iteration, int epoch, double hidden, double output) {
        ctx.iteration = iteration;
        ctx.epoch = epoch;
        ctx.weights.put(0, Nd4j.valueArrayOf(new long[]{2, 2}, 0.5, DataType.FLOAT)); // norm 1
        ctx.updates.put(0, Nd4j.valueArrayOf(new long[]{2, 2}, 0.5 * hidden, DataType.FLOAT));
        ctx.weights.put(1, Nd4j.create(new float[]{0.6f, 0.8f}, new long[]{2, 1})); // norm 1
        ctx.updates.put(1, Nd4j.create(new float[]{(float) (0.6 * output), (float) (0.8 * output)}, new long[]{2, 1}));
        monitor.onUpdate(ctx);
    }

    @Test
    void recordsTheNormOfTheUpdateOverTheNormOfTheWeights() {
        monitor.onTrainingStart(ctx);
        update(0, 0, 1e-3, 0.02);

        assertThat(ctx.values("layer.update.ratio", 0).get(0)).isCloseTo(1e-3, within(1e-9));
        assertThat(ctx.values("layer.update.ratio", 1).get(0)).isCloseTo(0.02, within(1e-8));
    }

    @Test
    void reportsLayersWhoseEpochMedianLeavesTheBandOncePerDirection() {
        monitor.onTrainingStart(ctx);
        update(0, 0, 1e-6, 0.5);
        update(1, 0, 1e-6, 1e-3); // the output's median over 0.5, 1e-3 and 0.4 is 0.4
        update(2, 0, 2e-3, 0.4);
        monitor.onEpochEnd(ctx);
        update(3, 1, 1e-7, 0.5);
        monitor.onEpochEnd(ctx);

        List<Finding> findings = ctx.findings;
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).summary()).startsWith("1 layer barely move");
        assertThat(findings.get(0).layer()).isZero();
        assertThat(findings.get(0).evidence()).contains("hidden-0: median 1.00e-06 over 3 samples of epoch 0 (min 1.00e-06, "
                + "max 0.00200)");
        assertThat(findings.get(1).summary()).startsWith("1 layer takes steps too large");
        assertThat(findings.get(1).layer()).isEqualTo(1);
        assertThat(findings).allMatch(f -> f.severity() == Severity.WARNING && f.epoch() == 0);
    }

    @Test
    void reportsASingleStepAsLargeAsTheWeightsAtOnceExceptTheFirst() {
        monitor.onTrainingStart(ctx);
        update(0, 0, 1.0, 1e-3);
        assertThat(ctx.findings).isEmpty();

        update(10, 0, 2.5, 1e-3);

        assertThat(ctx.findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.iteration()).isEqualTo(10);
            assertThat(f.summary()).contains("changed hidden-0 by 2.50 times its own size");
        });
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(UpdateRatioMonitor.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(UpdateRatioMonitor.median(List.of(5.0))).isEqualTo(5.0);
    }
}
