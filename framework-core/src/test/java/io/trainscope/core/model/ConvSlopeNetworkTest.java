package io.trainscope.core.model;

import io.trainscope.api.data.ImageShape;
import io.trainscope.api.data.Task;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.gradcheck.GradientCheck;
import io.trainscope.core.gradcheck.GradientCheckOptions;
import io.trainscope.core.gradcheck.GradientCheckReport;
import io.trainscope.core.gradcheck.GradientCheckTable;
import io.trainscope.core.gradcheck.TensorCheck;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * prelu on {@code conv2d} layers: one learnable slope per channel (or one for the layer), like
 * PyTorch's {@code nn.PReLU(num_parameters=channels)} on {@code [N, C, H, W]}; it trains and its
 * gradients agree with central differences.
 */
class ConvSlopeNetworkTest {

    private static final ImageShape IMAGE = new ImageShape(1, 6, 6);
    private static final String MODEL = """
            name: conv-prelu
            data: iris
            model:
              init: he-normal
              layers:
                - {type: conv2d, filters: %d, kernel: 3, activation: {name: prelu, initial-slope: 0.1, slopes: %s}}
                - {type: flatten}
                - {units: 4, activation: tanh}
            training: {seed: 3}
            """;
    private static final Task TASK = Task.Classification.numbered(2);

    private static ResolvedExperiment resolve(int filters, String slopes) {
        return TestTrainscope.resolve(MODEL.formatted(filters, slopes));
    }

    private static BuiltNetwork build(ResolvedExperiment e) {
        OutputHead head = OutputHead.resolve(e.spec().model().output(), TASK);
        return TestTrainscope.get().get(NetworkBuilder.class).build(e, IMAGE.features(), IMAGE, head, 3, new Adam(0.02));
    }

    private static DataSet data(int examples) {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(examples, IMAGE.features());
        INDArray y = Nd4j.zeros(examples, 2);
        IntStream.range(0, examples).forEach(i -> y.putScalar(new int[]{i, x.getDouble(i, 7) > 0 ? 1 : 0}, 1.0));
        return new DataSet(x, y);
    }

    @Test
    void aConvolutionGetsOneSlopePerChannelStartingAtTheInitialValueAndTrains() {
        BuiltNetwork built = build(resolve(3, "per-unit"));
        MultiLayerNetwork net = built.network();
        assertThat(net.getLayerWiseConfigurations().getConf(0).getLayer()).isInstanceOf(ConvolutionLayer.class);
        assertThat(net.getLayerWiseConfigurations().getConf(1).getLayer()).isInstanceOf(SlopeLayer.class);
        assertThat(net.getLayerWiseConfigurations().getConf(3).getLayer()).isInstanceOf(OutputLayer.class);
        INDArray slope = net.getLayer(1).getParam("W");
        assertThat(slope.shape()).containsExactly(3, 1, 1);
        assertThat(slope.ravel().toDoubleVector()).containsOnly((double) 0.1f);
        assertThat(built.layout().names()).containsExactly("hidden-0", "hidden-1", "output");

        DataSet data = data(40);
        double before = net.score(data);
        built.tap().arm();
        net.fit(data);
        built.tap().disarm();
        assertThat(built.tap().preActivations(0).shape()).containsExactly(40, 3, 4, 4);
        for (int i = 0; i < 20; i++) {
            net.fit(data);
        }
        assertThat(net.score(data)).isLessThan(before);
        double[] trained = net.getLayer(1).getParam("W").ravel().toDoubleVector();
        assertThat(trained).hasSize(3).doesNotContain(0.1);
        assertThat(trained[0]).isNotEqualTo(trained[1]);
    }

    @Test
    void aSharedSlopeIsOneForTheLayer() {
        INDArray slope = build(resolve(3, "per-layer")).network().getLayer(1).getParam("W");
        assertThat(slope.length()).isEqualTo(1);
        assertThat(slope.getDouble(0)).isEqualTo((double) 0.1f);
    }

    @Test
    void theSlopesGradientsAgreeWithCentralDifferencesPerChannelAndShared() {
        for (String slopes : List.of("per-unit", "per-layer")) {
            ResolvedExperiment e = resolve(2, slopes);
            OutputHead head = OutputHead.resolve(e.spec().model().output(), TASK);
            PreparedData prepared = new PreparedData(TASK, data(8), null, null, IMAGE.features(), List.of(), Map.of(),
                    head, IMAGE);
            GradientCheckReport report = TestTrainscope.get().get(GradientCheck.class)
                    .run(e, prepared, GradientCheckOptions.DEFAULTS);
            assertThat(report.passed()).as(GradientCheckTable.render(report)).isTrue();
            assertThat(report.tensors()).extracting(TensorCheck::name).contains("hidden-0 W", "hidden-0 prelu W");
            TensorCheck slope = report.tensor("hidden-0 prelu W");
            assertThat(slope.size()).isEqualTo(slopes.equals("per-unit") ? 2 : 1);
            assertThat(slope.zero()).isFalse();
        }
    }
}
