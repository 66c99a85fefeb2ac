package io.trainscope.core.config;

import io.trainscope.core.TestTrainscope;
import io.trainscope.core.sweep.PlannedRun;
import io.trainscope.core.sweep.Sweeps;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** {@code model.layers}: per-layer settings that inherit the model's, the output layer's initialization, and their errors. */
class ModelLayersTest {

    private static final String LAYERS = """
            data: iris
            model:
              activation: tanh
              init: {name: normal, std: 0.5}
              bias-init: {name: constant, value: 0.1}
              normalizers: [standardize, batchnorm]
              layers:
                - {units: 8}
                - {units: 6, activation: {name: leaky-relu, negative-slope: 0.2}, init: xavier-normal,
                   bias-init: {name: normal, std: 2}, dropout: 0.25, normalizers: []}
                - {type: dense, units: 4, bias: false}
              output: {init: zeros, weight-scale: 0.01, bias-init: {name: uniform, low: -1, high: 1}}
            """;

    private static String model(String model) {
        return "data: iris\nmodel: " + model + "\n";
    }

    private static String message(String yaml) {
        try {
            TestTrainscope.resolve(yaml);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + yaml);
    }

    @Test
    void anEntryTakesWhatItSetsAndInheritsEverythingElseFromTheModel() {
        ResolvedModel model = TestTrainscope.resolve(LAYERS).model();

        ResolvedLayer first = model.layers().get(0);
        assertThat(first.units()).isEqualTo(8);
        assertThat(first.activation().name()).isEqualTo("tanh");
        assertThat(first.init().params().real("std")).isEqualTo(0.5);
        assertThat(first.biasInit().kind()).isEqualTo(BiasInit.CONSTANT);
        assertThat(first.bias()).isTrue();
        assertThat(first.dropout()).isZero();
        assertThat(first.normalizer().name()).isEqualTo("batchnorm");

        ResolvedLayer second = model.layers().get(1);
        assertThat(second.activation().params().real("negative-slope")).isEqualTo(0.2);
        assertThat(second.init().name()).isEqualTo("xavier-normal");
        assertThat(second.biasInit().params().real("std")).isEqualTo(2.0);
        assertThat(second.dropout()).isEqualTo(0.25);
        assertThat(second.normalizer()).isNull();

        assertThat(model.layers().get(2).bias()).isFalse();
        assertThat(model.output().init().name()).isEqualTo("zeros");
        assertThat(model.output().weightScale()).isEqualTo(0.01);
        assertThat(model.output().biasInit().kind()).isEqualTo(BiasInit.UNIFORM);
    }

    @Test
    void hiddenIsTheSameAsLayersThatSetNothing() {
        ResolvedExperiment hidden = TestTrainscope.resolve(model("{hidden: [5, 3], activation: tanh}"));
        ResolvedExperiment layers = TestTrainscope.resolve(model("{layers: [{units: 5}, 3], activation: tanh}"));

        assertThat(layers.model()).isEqualTo(hidden.model());
        assertThat(layers.spec().model().hidden()).containsExactly(5, 3);
        assertThat(hidden.model().output().biasInit()).isNull();
    }

    @Test
    void theResolvedConfigReadsBackToTheSameLayers() {
        ResolvedExperiment resolved = TestTrainscope.resolve(LAYERS);
        String yaml = ResolvedConfigWriter.toYaml(resolved);

        assertThat(yaml).contains("layers:").doesNotContain("hidden:");
        ResolvedExperiment again = TestTrainscope.resolve(yaml);
        assertThat(ResolvedConfigWriter.toYaml(again)).isEqualTo(yaml);
        assertThat(again.model().layers()).extracting(ResolvedLayer::activation, ResolvedLayer::init, ResolvedLayer::biasInit,
                ResolvedLayer::bias, ResolvedLayer::dropout, ResolvedLayer::normalizer)
                .isEqualTo(resolved.model().layers().stream().map(l -> tuple(l.activation(),
                        l.init(), l.biasInit(), l.bias(), l.dropout(), l.normalizer())).toList());
        assertThat(again.model().output()).isEqualTo(resolved.model().output());
    }

    @Test
    void aSweepSetsOneLayersKey() {
        var plan = TestTrainscope.get().get(Sweeps.class).plan(LAYERS + "sweep:\n  model.layers[1].activation: [relu, sigmoid]\n",
                "test", "test config", Path.of(""), Map.of()).orElseThrow();

        assertThat(plan.runs()).extracting(PlannedRun::experiment)
                .extracting(e -> e.model().layers().get(1).activation().name()).containsExactly("relu", "sigmoid");
        assertThat(plan.runs()).extracting(PlannedRun::experiment)
                .extracting(e -> e.model().layers().get(0).activation().name()).containsOnly("tanh");
    }

    @Test
    void badEntriesFailWithOneLineAtTheirPath() {
        assertThat(message(model("{hidden: [4], layers: [{units: 4}]}")))
                .isEqualTo("model.layers: give either 'hidden' or 'layers', not both");
        assertThat(message(model("{layers: [{type: dens, units: 4}]}")))
                .isEqualTo("model.layers[0].type: unknown layer type 'dens'; did you mean 'dense'?; known types: "
                        + String.join(", ", LayerType.names()));
        assertThat(message(model("{layers: [{units: 4, activaton: tanh}]}")))
                .startsWith("model.layers[0].activaton: unknown field; did you mean 'activation'?; allowed here: activation, ");
        assertThat(message(model("{layers: [{activation: tanh}]}")))
                .isEqualTo("model.layers[0].units: missing: the width of the layer, e.g. 'units: 64'");
        assertThat(message(model("{layers: [{units: 4, dropout: 1}]}")))
                .isEqualTo("model.layers[0].dropout: must be a number in [0, 1) (the probability of dropping a unit), got 1.0");
        assertThat(message(model("{layers: [{units: 4, activation: tanhh}]}")))
                .startsWith("model.layers[0].activation: unknown activation 'tanhh'; did you mean 'tanh'?");
        assertThat(message(model("{layers: [{units: 4, bias: false, bias-init: zeros}]}")))
                .isEqualTo("model.layers[0].bias-init: the layer has no bias ('bias: false'); remove one of the two");
        assertThat(message(model("{layers: [{units: 4, normalizers: [standardize]}]}")))
                .isEqualTo("model.layers[0].normalizers[0]: 'standardize' inserts no layers (it transforms the inputs); "
                        + "list it under model.normalizers");
    }

    @Test
    void badBiasAndOutputSettingsFailWithOneLine() {
        assertThat(message(model("{bias-init: normall}")))
                .isEqualTo("model.bias-init: unknown bias initialization 'normall'; did you mean 'normal'?; known: zeros, "
                        + "constant, normal, uniform");
        assertThat(message(model("{bias-init: {name: normal, std: 0}}")))
                .isEqualTo("model.bias-init.std: must be a number > 0, got 0.0 (bias-init 'normal')");
        assertThat(message(model("{bias-init: {name: uniform, low: 1, high: 1}}")))
                .isEqualTo("model.bias-init: low must be below high, got low 1.0 and high 1.0");
        assertThat(message(model("{output: {weight-scale: 0}}")))
                .isEqualTo("model.output.weight-scale: must be a number > 0, got 0");
        assertThat(message(model("{output: {init: {name: normal, sd: 1}}}")))
                .startsWith("model.output.init.sd: unknown parameter; did you mean 'std'?");
        assertThat(message(model("{output: {weight-scal: 0.1}}")))
                .startsWith("model.output.weight-scal: unknown field; did you mean 'weight-scale'?");
    }

    @Test
    void weightDecayAndClippingAreReadCheckedAndWrittenBack() {
        ResolvedExperiment e = TestTrainscope.resolve(model("{}") + "training: {weight-decay: {type: decoupled, value: 0.01}, "
                + "gradient-clipping: {threshold: 2}}\n");

        assertThat(e.spec().training().regularization()).isEqualTo(new RegularizationSpec(
                new RegularizationSpec.WeightDecay("decoupled", 0.01), new RegularizationSpec.Clipping("norm", 2.0)));
        assertThat(TestTrainscope.resolve(ResolvedConfigWriter.toYaml(e)).spec().training().regularization())
                .isEqualTo(e.spec().training().regularization());
        assertThat(message(model("{}") + "training: {weight-decay: 0.01}\n"))
                .isEqualTo("training.weight-decay: must be a map like {type: l2, value: 0.0001} or {type: decoupled, "
                        + "value: 0.0001}, got 0.01");
        assertThat(message(model("{}") + "training: {weight-decay: {type: adamw, value: 0.01}}\n"))
                .isEqualTo("training.weight-decay.type: must be one of l2, decoupled, got 'adamw'");
        assertThat(message(model("{}") + "training: {weight-decay: {type: l2}}\n"))
                .isEqualTo("training.weight-decay.value: missing: a number > 0");
        assertThat(message(model("{}") + "training: {gradient-clipping: {type: norm, threshold: -1}}\n"))
                .isEqualTo("training.gradient-clipping.threshold: must be a number > 0, got -1");
    }
}
