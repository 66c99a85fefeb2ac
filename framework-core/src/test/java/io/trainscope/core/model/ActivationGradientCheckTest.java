package io.trainscope.core.model;

import io.trainscope.core.ForgottenSquareTanh;
import io.trainscope.api.data.Task;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.plugin.Configured;
import io.trainscope.core.plugin.PluginFamily;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 4-5-3 softmax network built by {@link NetworkBuilder} with each discovered activation (a new
 * plugin is checked automatically) passes DL4J's {@link GradientCheckUtil} in float64: the
 * gradients backpropagation computes through trainscope's adapters, the plugin's fused backprop and,
 * for prelu, the learnable slope's layer, match central differences of the loss for every parameter.
 */
@ExtendWith(Float64Defaults.class)
class ActivationGradientCheckTest {

    /** Every discovered activation with its defaults, and the variants that change the network's layers or formulas. */
    static Stream<String> activations() {
        Stream<String> defaults = TestTrainscope.get().plugins().names(PluginFamily.ACTIVATION).stream();
        Stream<String> variants = Stream.of("{name: gelu, approximate: tanh}", "{name: prelu, slopes: per-unit}",
                "{name: softplus, beta: 2.0}", "{name: elu, alpha: 0.5}", "{name: swish, beta: 2.0}");
        return Stream.concat(defaults, variants);
    }

    static ResolvedExperiment experiment(String activation, String normalizers) {
        return TestTrainscope.resolve("""
                data: {source: iris}
                model: {hidden: [5], activation: %s, init: xavier-normal, normalizers: %s}
                """.formatted(activation, normalizers));
    }

    static boolean passes(ResolvedExperiment experiment) {
        OutputHead head = OutputHead.resolve(experiment.spec().model().output(), Task.Classification.numbered(3));
        MultiLayerNetwork network = TestTrainscope.get().get(NetworkBuilder.class).build(experiment, 4, head, 3,
                new NoOp(), NetworkBuilder.DenseImplementation.REUSING, DataType.DOUBLE).network();
        Nd4j.getRandom().setSeed(12);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 10, 4);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, 10, 3);
        for (int i = 0; i < 10; i++) {
            labels.putScalar(i, i % 3, 1.0);
        }
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(network).input(x).labels(labels)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8).print(GradientCheckUtil.PrintMode.FAILURES_ONLY)
                .excludeParams(runningStatistics(network)));
    }

    /** BatchNorm's running mean and variance: parameters that backpropagation does not train (DL4J's own checks skip them). */
    private static Set<String> runningStatistics(MultiLayerNetwork network) {
        return network.paramTable().keySet().stream()
                .filter(k -> k.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_MEAN)
                        || k.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_VAR)
                        || k.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_LOG_STD))
                .collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void aSmallNetworkPassesDl4jsGradientCheckInFloat64(String activation) {
        assertThat(passes(experiment(activation, "[]"))).isTrue();
    }

    @ParameterizedTest(name = "batchnorm {0}")
    @MethodSource("placements")
    void preluWithBatchNormBeforeOrAfterItPassesToo(String placement) {
        assertThat(passes(experiment("prelu", "[{name: batchnorm, placement: %s}]".formatted(placement)))).isTrue();
    }

    static Stream<String> placements() {
        return Stream.of("before-activation", "after-activation");
    }

    /** The check is not vacuous: tanh with the derivative 1 - tanh (the square forgotten) fails it. */
    @Test
    void anActivationWithAWrongDerivativeFailsTheCheck() {
        ResolvedExperiment tanh = experiment("tanh", "[]");
        ResolvedExperiment broken = new ResolvedExperiment(tanh.spec(), tanh.dataSource(),
                new Configured<>(new ForgottenSquareTanh(), Parameters.empty()), tanh.init(), tanh.normalizers(),
                tanh.optimizer(), tanh.optimizerParams(), tanh.schedule(), tanh.scheduleParams(), tanh.monitors());

        assertThat(passes(tanh)).isTrue();
        assertThat(passes(broken)).isFalse();
    }
}
