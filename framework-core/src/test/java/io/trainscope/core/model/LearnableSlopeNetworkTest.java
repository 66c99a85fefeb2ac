package io.trainscope.core.model;

import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.data.Task;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.monitors.CaptureMonitor;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.run.Measurement;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingProgress;
import io.trainscope.core.training.TrainingResult;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Sgd;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * prelu's learnable slope end to end: a PReLU layer after each dense layer that the optimizer
 * trains, checkpoints save and resume restores, while monitors see one logical layer per hidden layer.
 * Batches of 80 go beyond the 64 x slopes that libnd4j's own {@code prelu_bp} accepts.
 */
class LearnableSlopeNetworkTest {

    private static final String RUN = """
            name: prelu
            data: {source: gaussian-classification, samples: 300, features: 6, labels: linear, split: {validation: 0.2}}
            model: {hidden: [8, 6], activation: %s, init: he-normal}
            training: {optimizer: {name: adam, learning-rate: 0.05}, epochs: 4, batch-size: 80, seed: 5}
            monitors: [test-capture, dead-neurons, {name: saturation, every: 1}]
            """;

    private static BuiltNetwork build(String activation, String normalizers) {
        ResolvedExperiment e = TestTrainscope.resolve("""
                data: {source: iris}
                model: {hidden: [6, 5], activation: %s, normalizers: %s}
                """.formatted(activation, normalizers));
        OutputHead head = OutputHead.resolve(e.spec().model().output(), Task.Classification.numbered(3));
        return TestTrainscope.get().get(NetworkBuilder.class).build(e, 4, head, 1, new Sgd(0.1));
    }

    private static List<Class<?>> dl4jLayers(MultiLayerNetwork network) {
        return IntStream.range(0, network.getnLayers())
                .<Class<?>>mapToObj(i -> network.getLayerWiseConfigurations().getConf(i).getLayer().getClass()).toList();
    }

    private static double[] slope(MultiLayerNetwork network, int dl4jIndex) {
        return network.getLayer(dl4jIndex).getParam("W").toDoubleVector();
    }

    @Test
    void eachHiddenLayerGetsOneSharedSlopeStartingAtTheInitialValueAndStaysOneLogicalLayer() {
        BuiltNetwork built = build("prelu", "[]");
        MultiLayerNetwork network = built.network();

        assertThat(dl4jLayers(network)).containsExactly(ReusingDenseLayer.class, SlopeLayer.class, ReusingDenseLayer.class,
                SlopeLayer.class, OutputLayer.class);
        assertThat(built.layout().dense()).containsExactly(0, 2, 4);
        assertThat(built.layout().output()).containsExactly(1, 3, 4);
        assertThat(built.layout().names()).containsExactly("hidden-0", "hidden-1", "output");
        assertThat(built.layout().info().layers()).extracting(LayerInfo::activation).containsExactly("prelu", "prelu", "softmax");
        assertThat(built.layout().info().layers().get(0).flatRegion()).isEqualTo(FlatRegion.NONE);
        assertThat(slope(network, 1)).containsExactly(0.25);
        assertThat(slope(network, 3)).containsExactly(0.25);
        assertThat(network.numParams()).isEqualTo((4 * 6 + 6) + (6 * 5 + 5) + (5 * 3 + 3) + 2);
    }

    @Test
    void perUnitSlopesGiveOneParameterPerUnit() {
        MultiLayerNetwork network = build("{name: prelu, initial-slope: 0.1, slopes: per-unit}", "[]").network();

        assertThat(slope(network, 1)).hasSize(6).containsOnly(0.1f);
        assertThat(slope(network, 3)).hasSize(5).containsOnly(0.1f);
    }

    @Test
    void batchNormGoesBetweenTheDenseLayerAndTheSlopeOrAfterTheSlopeAsPlaced() {
        BuiltNetwork before = build("prelu", "[{name: batchnorm, placement: before-activation}]");
        BuiltNetwork after = build("prelu", "[{name: batchnorm, placement: after-activation}]");

        assertThat(dl4jLayers(before.network()).subList(0, 3))
                .containsExactly(ReusingDenseLayer.class, BatchNormalization.class, SlopeLayer.class);
        assertThat(dl4jLayers(after.network()).subList(0, 3))
                .containsExactly(ReusingDenseLayer.class, SlopeLayer.class, BatchNormalization.class);
        assertThat(before.layout().output()).containsExactly(2, 5, 6);
        assertThat(after.layout().output()).containsExactly(2, 5, 6);
    }

    @Test
    void theSlopeTrainsAndMonitorsSeeItsInputsAndOutputsAsOneLayer() {
        InMemoryMeasurements sink = new InMemoryMeasurements();
        TrainingResult result = TestTrainscope.get().trainer().train(TestTrainscope.resolve(RUN.formatted("prelu")),
                RunOptions.inMemory(sink));
        MultiLayerNetwork network = result.network().network();

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(Math.abs(slope(network, 1)[0] - 0.25)).isGreaterThan(1e-3);
        assertThat(Math.abs(slope(network, 3)[0] - 0.25)).isGreaterThan(1e-3);
        CaptureMonitor capture = CaptureMonitor.LAST;
        for (int l = 0; l < 2; l++) {
            double[][] z = capture.preActivations.get(l);
            double[][] a = capture.activations.get(l);
            for (int r = 0; r < z.length; r++) {
                for (int c = 0; c < z[r].length; c++) {
                    assertThat(a[r][c]).isCloseTo(z[r][c] > 0 ? z[r][c] : 0.25 * z[r][c], within(1e-6));
                }
            }
        }
        assertThat(sink.metric("layer.dead.units")).extracting(Measurement::layer).containsOnly(0, 1);
        assertThat(sink.metric("layer.saturation.percent")).extracting(Measurement::layer).containsOnly(0, 1, 2);
    }

    @Test
    void aPreluRunResumedFromItsCheckpointEndsWithBitIdenticalWeightsAndSlopes(@TempDir Path root) {
        ResolvedExperiment e = TestTrainscope.resolve(RUN.formatted("{name: prelu, slopes: per-unit}"));
        TrainingResult uninterrupted = TestTrainscope.get().trainer().train(e, RunOptions.defaults()
                .withOutputRoot(root.resolve("a")).withReport(false));
        TrainingProgress crashAtThirdEpoch = new TrainingProgress() {
            @Override
            public void epochStarted(int epoch, int batches) {
                if (epoch == 2) {
                    throw new IllegalStateException("simulated crash before epoch 3");
                }
            }
        };
        TrainingResult interrupted = TestTrainscope.get().trainer().train(e, RunOptions.defaults()
                .withOutputRoot(root.resolve("b")).withReport(false).withProgress(crashAtThirdEpoch));

        TrainingResult resumed = TestTrainscope.get().trainer().resume(interrupted.directory(),
                RunOptions.defaults().withReport(false));

        assertThat(resumed.outcome()).isEqualTo(Outcome.COMPLETED);
        float[] expected = uninterrupted.network().network().params().toFloatVector();
        assertThat(resumed.network().network().params().toFloatVector()).containsExactly(expected);
        assertThat(slope(resumed.network().network(), 1)).doesNotContain(0.25);
    }
}
