package io.trainscope.plugins.monitor;

import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Severity;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SaturationMonitorTest {

    private static final FlatRegion TANH = FlatRegion.outside(-0.99, 0.99);

    private static INDArray matrix(char order, double[][] rows) {
        return Nd4j.create(rows).castTo(DataType.FLOAT).dup(order);
    }

    /** Four examples of three tanh units: unit 1 flat for every example, unit 2 for one. */
    private static final double[][] BATCH = {
            {0.1, 0.995, -0.2},
            {-0.3, -0.999, -0.995},
            {0.0, 0.99, 0.5},
            {0.2, 1.0, 0.3},
    };

    @Test
    void countsFlatValuesAndUnitsFlatForEveryExampleInEitherMemoryOrder() {
        for (char order : new char[]{'c', 'f'}) {
            Saturation s = Saturation.of(Hosts.of(matrix(order, BATCH)), TANH, 3);

            assertThat(s.percent()).as("order %s", order).isCloseTo(100.0 * 5 / 12, within(1e-9));
            assertThat(s.saturatedUnits()).as("order %s", order).isEqualTo(1);
            double mean = (0.1 + 0.995 - 0.2 - 0.3 - 0.999 - 0.995 + 0.0 + 0.99 + 0.5 + 0.2 + 1.0 + 0.3) / 12;
            assertThat(s.mean()).isCloseTo(mean, within(1e-6));
        }
    }

    @Test
    void aChannelIsSaturatedWhenItIsFlatAtEveryPositionForEveryExample() {
        // [2 examples, 2 channels, 2 positions] as rows of channel after channel: channel 1 is flat everywhere,
        // channel 0 only at one position of one example
        INDArray a = Nd4j.create(new float[]{0.995f, 0.1f, -0.999f, 1.0f, 0.2f, 0.3f, 0.99f, -0.995f}, new long[]{2, 4});

        Saturation s = Saturation.of(Hosts.of(a), TANH, 2);

        assertThat(s.saturatedUnits()).isEqualTo(1);
        assertThat(s.unitPercents()).containsExactly(25.0, 100.0);
        assertThat(s.percent()).isCloseTo(62.5, within(1e-9));
    }

    @Test
    void classifiesValuesNextToTheBoundsAsTheFlatRegionDoes() {
        FlatRegion sigmoid = FlatRegion.outside(0.01, 0.99); // neither bound is a float
        float[] probes = {0.01f, Math.nextDown(0.01f), Math.nextUp(0.01f), 0.99f, Math.nextDown(0.99f), Math.nextUp(0.99f),
                0f, 1f, 0.5f};
        INDArray row = Nd4j.create(probes, new long[]{1, probes.length});

        for (int i = 0; i < probes.length; i++) {
            Saturation s = Saturation.of(
                    Hosts.of(row.get(NDArrayIndex.all(),
                            NDArrayIndex.interval(i, i + 1))), sigmoid, 1);
            assertThat(s.saturatedUnits() == 1).as("%s", probes[i]).isEqualTo(sigmoid.contains(probes[i]));
        }
    }

    @Test
    void aLayerWithoutFlatRegionHasNoSaturation() {
        Saturation s = Saturation.of(Hosts.of(matrix('c', BATCH)),
                FlatRegion.NONE, 3);

        assertThat(s.percent()).isZero();
        assertThat(s.saturatedUnits()).isZero();
    }

    private static FakeContext sampled(SaturationMonitor monitor, String activation, FlatRegion flat, INDArray hidden,
                                       INDArray output) {
        FakeContext ctx = new FakeContext(monitor, Map.of(), FakeContext.network(activation, flat, 2, 3, 1));
        monitor.onTrainingStart(ctx);
        ctx.activations.put(0, hidden);
        ctx.activations.put(1, output);
        monitor.onForward(ctx);
        return ctx;
    }

    @Test
    void reportsASaturatedHiddenLayerOnceWithItsNumbers() {
        SaturationMonitor monitor = new SaturationMonitor();
        FakeContext ctx = sampled(monitor, "tanh", TANH, matrix('f', BATCH), Nd4j.zeros(DataType.FLOAT, 4, 1));
        monitor.onForward(ctx);

        assertThat(ctx.values("layer.saturation.percent", 0).get(0)).isCloseTo(41.67, within(0.01));
        assertThat(ctx.values("layer.saturated.units", 0).get(0)).isEqualTo(1.0);
        assertThat(ctx.findings).singleElement().satisfies(f -> {
            assertThat(f.pathology()).isEqualTo(Pathology.SATURATION);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.layer()).isZero();
            assertThat(f.evidence()).anyMatch(e -> e.startsWith("hidden-0: 41.7% of 4 x 3 outputs flat (a <= -0.990 or "
                    + "a >= 0.990), 1 units flat for every example"));
        });
    }

    @Test
    void doesNotDiagnoseReluZerosNorTheOutputLayer() {
        INDArray allZero = Nd4j.zeros(DataType.FLOAT, 4, 3);
        FakeContext relu = sampled(new SaturationMonitor(), "relu", FlatRegion.below(0), allZero,
                Nd4j.zeros(DataType.FLOAT, 4, 1));
        FakeContext outputOnly = sampled(new SaturationMonitor(), "tanh", TANH, matrix('c', new double[][]{
                {0.1, -0.5, 0.3}, {0.5, 0.4, -0.2}, {-0.6, 0.2, 0.0}, {0.3, 0.7, -0.1}}), Nd4j.ones(DataType.FLOAT, 4, 1));

        assertThat(relu.values("layer.saturation.percent", 0)).containsExactly(100.0);
        assertThat(relu.values("layer.saturated.units", 0)).containsExactly(3.0);
        assertThat(relu.findings).isEmpty();
        assertThat(outputOnly.values("layer.saturation.percent", 1)).containsExactly(100.0);
        assertThat(outputOnly.findings).isEmpty();
    }

    @Test
    void reportsActivationsCollapsedToOneValueRelativeToTheOutputRange() {
        INDArray nearHalf = Nd4j.valueArrayOf(new long[]{4, 3}, 0.5, DataType.FLOAT);
        nearHalf.putScalar(0, 0, 0.505);
        FakeContext ctx = sampled(new SaturationMonitor(), "sigmoid", FlatRegion.outside(0.01, 0.99), nearHalf,
                Nd4j.zeros(DataType.FLOAT, 4, 1));

        assertThat(ctx.findings).extracting(Finding::pathology).containsExactly(Pathology.COLLAPSED_ACTIVATIONS);
        assertThat(ctx.findings.get(0).evidence()).anyMatch(e -> e.startsWith("hidden-0: std 0.00138"));
    }
}
