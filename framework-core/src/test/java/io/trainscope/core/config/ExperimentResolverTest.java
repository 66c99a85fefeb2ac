package io.trainscope.core.config;

import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.View;
import io.trainscope.core.TestTrainscope;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plugin names and parameters in configs are checked against the registry, each error naming path, plugin and fix. */
class ExperimentResolverTest {

    private static String config(String model) {
        return "data: {source: gaussian-classification}\nmodel: " + model + "\n";
    }

    @Test
    void rejectsANonPositiveStandardDeviationAtItsPath() {
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4], init: {name: normal, std: -1}}")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("model.init.std: must be a number > 0, got -1.0 (initializer 'normal')");
    }

    @Test
    void listsTheKnownInitializersForAnUnknownName() {
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4], init: he-normall}")))
                .hasMessageStartingWith("model.init: unknown initializer 'he-normall'; did you mean 'he-normal'?; "
                        + "known initializers: he-normal, he-uniform, lecun-normal, normal,");
    }

    @Test
    void namesTheUnknownParameterAndWhatThePluginAccepts() {
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4], init: {name: normal, sd: 2}}")))
                .hasMessage("model.init.sd: unknown parameter; did you mean 'std'?; it accepts mean (a number, default 0.0), "
                        + "std (a number > 0, default 1.0) (initializer 'normal')");
    }

    @Test
    void rejectsAValueOfTheWrongType() {
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4], init: {name: xavier-normal, gain: big}}")))
                .hasMessage("model.init.gain: must be a number > 0, got 'big' (initializer 'xavier-normal')");
    }

    @Test
    void suggestsTheClosestChoice() {
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4], init: {name: he-normal, fan-mode: inn}}")))
                .hasMessage("model.init.fan-mode: must be one of in, out, got 'inn'; did you mean 'in'? "
                        + "(initializer 'he-normal')");
    }

    @Test
    void runsThePluginsOwnCrossParameterCheck() {
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4], init: {name: uniform, low: 0.1, high: -0.1}}")))
                .hasMessageStartingWith("model.init.high: ")
                .hasMessageEndingWith("(initializer 'uniform')");
    }

    @Test
    void listsTheKnownOptimizers() {
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4]}") + "training: {optimizer: adamw}\n"))
                .hasMessage("training.optimizer: unknown optimizer 'adamw'; did you mean 'adam'?; "
                        + "known optimizers: sgd, momentum, adam, rmsprop");
    }

    @Test
    void checksOptimizerParameters() {
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4]}")
                + "training: {optimizer: {name: momentum, momentum: 1.5}}\n"))
                .hasMessage("training.optimizer.momentum: must be a number in [0, 1), got 1.5 (optimizer 'momentum')");
    }

    @Test
    void listsTheKnownMonitorsForAnUnknownOne() {
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4]}") + "monitors: [dead-neuron]\n"))
                .hasMessageStartingWith("monitors[0]: unknown monitor 'dead-neuron'; did you mean 'dead-neurons'?; "
                        + "known monitors: ");
    }

    @Test
    void rejectsAMonitorListedTwice() {
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4]}") + "monitors: [non-finite, non-finite]\n"))
                .hasMessage("monitors[1]: monitor 'non-finite' is listed twice");
    }

    @Test
    void earlyStoppingNeedsAValidationSplit() {
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4]}")
                + "training: {early-stopping: {metric: validation.loss}}\n"))
                .hasMessage("training.early-stopping: needs a validation split; add 'split: {validation: 0.1}' under data");
    }

    @Test
    void dataSourceParametersAreCheckedToo() {
        assertThatThrownBy(() -> TestTrainscope.resolve("data: {source: gaussian-classification, classes: 1}\nmodel: {}\n"))
                .hasMessage("data.source.classes: must be an integer in [2, 10000], got 1 (data source 'gaussian-classification')");
    }

    @Test
    void fillsEveryDefault() {
        ResolvedExperiment e = TestTrainscope.resolve(config("{hidden: [4], init: he-uniform}"));
        assertThat(e.init().params().asMap()).containsEntry("fan-mode", "in").containsEntry("negative-slope", 0.0);
        assertThat(e.optimizerParams().real("learning-rate")).isEqualTo(0.01);
        assertThat(e.monitors()).extracting(m -> m.name()).containsExactlyElementsOf(ConfigLoader.DEFAULT_MONITORS);
    }

    @Test
    void knowsEveryMonitorsSamplingFromItsParametersAloneBeforeTraining() {
        ResolvedExperiment e = TestTrainscope.resolve(config("{hidden: [4]}") + """
                monitors:
                  - {name: gradient-norms, every: 4}
                  - {name: histograms, every-epochs: 2}
                  - {name: dead-neurons, every-epochs: 3}
                  - non-finite
                  - initial-loss
                """);
        Map<String, Sampling> sampling = new LinkedHashMap<>();
        e.monitors().forEach(m -> sampling.put(m.name(), m.sampling()));

        assertThat(sampling.get("gradient-norms")).isEqualTo(Sampling.every(4, View.GRADIENTS));
        assertThat(sampling.get("histograms")).isEqualTo(Sampling.atStart(View.ACTIVATIONS, View.PRE_ACTIVATIONS,
                View.GRADIENTS).withEveryEpochs(2));
        assertThat(sampling.get("dead-neurons")).as("passes, and every training batch (counted between passes)")
                .isEqualTo(Sampling.every(1, View.ACTIVATIONS).withDatasetPass(3));
        assertThat(sampling.get("non-finite")).isEqualTo(Sampling.every(10, View.ACTIVATIONS, View.GRADIENTS,
                View.UPDATES).alsoWhenLossNotFinite());
        assertThat(sampling.get("initial-loss")).isEqualTo(Sampling.atStart(View.ACTIVATIONS, View.PRE_ACTIVATIONS));
        assertThat(e.monitors().get(0).metrics()).extracting(Metric::name).contains("layer.gradient.norm");
    }

    @Test
    void rejectsAnInvalidSamplingParameterAtItsPath() {
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4]}") + "monitors: [{name: saturation, every: -1}]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("monitors[0].every: must be an integer >= 0, got -1 (monitor 'saturation')");
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4]}")
                + "monitors: [{name: dead-neurons, every-epochs: 0}]\n"))
                .hasMessage("monitors[0].every-epochs: must be an integer >= 1, got 0 (monitor 'dead-neurons')");
    }

    @Test
    void reportsASamplingTheMonitorRefusesAtItsConfigEntry() {
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4]}")
                + "monitors: [non-finite, {name: test-phased, every: 3, phase: 5}]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("monitors[1]: phase must be below every, got 5 >= 3 (monitor 'test-phased')");
    }

    @Test
    void rejectsTwoMonitorsRecordingTheSameMetric() {
        assertThatThrownBy(() -> TestTrainscope.resolve(config("{hidden: [4]}") + "monitors: [test-counting, test-phased]\n"))
                .hasMessage("monitors[1]: monitor 'test-phased' records metric 'test.counted', which monitor "
                        + "'test-counting' records too; configure only one of them");
    }
}
