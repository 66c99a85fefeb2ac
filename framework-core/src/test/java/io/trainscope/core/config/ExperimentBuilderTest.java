package io.trainscope.core.config;

import io.trainscope.core.TestTrainscope;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An experiment built in code is the experiment the same YAML gives, and a value YAML could not
 * hold fails in code with the message YAML gets; so do the spec records built by hand.
 */
class ExperimentBuilderTest {

    private static Experiment.Builder minimal() {
        return Experiment.builder("demo").data("gaussian-classification", Map.of("samples", 200)).hidden(8);
    }

    private static String yamlMessage(String yaml) {
        try {
            TestTrainscope.parse(yaml);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("the YAML was accepted: " + yaml);
    }

    @Test
    void buildsTheExperimentTheSameYamlDescribes() {
        ExperimentSpec built = Experiment.builder("demo")
                .data("gaussian-classification", Map.of("samples", 200)).split(0.8, 0.1, 0.1)
                .hidden(16, 16, 16).activation("tanh").init("normal", Map.of("std", 0.5)).normalizers("batchnorm")
                .output("softmax", "cross-entropy")
                .optimizer("momentum", Map.of("learning-rate", 0.05, "momentum", 0.8)).epochs(4).batchSize(16).seed(3)
                .earlyStopping("validation.loss", 2).checkpoints(2, 1)
                .monitor("gradient-norms", Map.of("every", 5)).monitor("dead-neurons")
                .build();
        ExperimentSpec parsed = TestTrainscope.parse("""
                name: demo
                data: {source: gaussian-classification, samples: 200, split: {train: 0.8, validation: 0.1, test: 0.1}}
                model:
                  hidden: [16, 16, 16]
                  activation: tanh
                  init: {name: normal, std: 0.5}
                  normalizers: [batchnorm]
                  output: {activation: softmax, loss: cross-entropy}
                training:
                  optimizer: {name: momentum, learning-rate: 0.05, momentum: 0.8}
                  epochs: 4
                  batch-size: 16
                  seed: 3
                  early-stopping: {metric: validation.loss, patience: 2}
                  checkpoints: {every-epochs: 2, keep-last: 1}
                monitors:
                  - {name: gradient-norms, every: 5}
                  - dead-neurons
                """);

        assertThat(built.withName("demo")).isEqualTo(parsed.withName("demo"));
        assertThat(TestTrainscope.get().resolve(built).monitors()).hasSize(2);
    }

    @Test
    void refusesZeroOrNegativeEpochsWithTheMessageYamlGets() {
        String yaml = yamlMessage("data: {source: gaussian-classification}\nmodel: {hidden: [8]}\ntraining: {epochs: 0}\n");

        assertThat(yaml).isEqualTo("training.epochs: must be an integer >= 1, got 0");
        assertThatThrownBy(() -> minimal().epochs(0).build()).isInstanceOf(ConfigException.class).hasMessage(yaml);
        assertThatThrownBy(() -> minimal().epochs(-3).build()).hasMessage("training.epochs: must be an integer >= 1, got -3");
        TrainingSpec training = minimal().build().training();
        assertThatThrownBy(() -> training.withEpochs(0)).isInstanceOf(ConfigException.class).hasMessage(yaml);
        assertThatThrownBy(() -> new TrainingSpec(training.optimizer(), null, 0, 32, List.of(42L), null,
                CheckpointSpec.DEFAULT)).isInstanceOf(ConfigException.class).hasMessage(yaml);
    }

    @Test
    void everyRecordRefusesWhatTheLoaderRefusesWithTheSameMessage() {
        assertThat(messageOf(() -> new SplitSpec(0.9, 0.2, 0.0, null)))
                .isEqualTo(yamlMessage("data: {source: iris, split: {train: 0.9, validation: 0.2}}\nmodel: {hidden: [4]}\n"));
        assertThat(messageOf(() -> new ModelSpec(List.of(8, 0), PluginRef.of("relu"), PluginRef.of("he-normal"),
                List.of(), OutputSpec.DERIVED))).isEqualTo(yamlMessage("data: iris\nmodel: {hidden: [8, 0]}\n"));
        assertThat(messageOf(() -> new OutputSpec("softmaxx", null)))
                .isEqualTo(yamlMessage("data: iris\nmodel: {hidden: [4], output: {activation: softmaxx}}\n"))
                .contains("did you mean 'softmax'?");
        assertThat(messageOf(() -> new EarlyStoppingSpec("validation.loss", 0, 0.0))).isEqualTo(yamlMessage(
                "data: iris\nmodel: {hidden: [4]}\ntraining: {early-stopping: {patience: 0}}\n"));
        assertThat(messageOf(() -> new CheckpointSpec(1, 0, 0))).isEqualTo(yamlMessage(
                "data: iris\nmodel: {hidden: [4]}\ntraining: {checkpoints: {keep-last: 0}}\n"));
        assertThat(messageOf(() -> minimal().seeds(1, 1).build())).isEqualTo(yamlMessage(
                "data: iris\nmodel: {hidden: [4]}\ntraining: {seeds: [1, 1]}\n"));
    }

    @Test
    void reachesKeysWithoutAMethodAndRefusesUnknownOnesLikeAFile() {
        ExperimentSpec spec = minimal().set("training.checkpoints.every-iterations", 50).directory(Path.of("/tmp")).build();

        assertThat(spec.training().checkpoints().everyIterations()).isEqualTo(50);
        assertThat(spec.data().baseDirectory()).isEqualTo(Path.of("/tmp"));
        assertThatThrownBy(() -> minimal().set("training.epoch", 3).build()).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("training.epoch: unknown field; did you mean 'epochs'?");
        assertThatThrownBy(() -> Experiment.builder("no spaces please").data("iris", Map.of()).hidden(4).build())
                .hasMessageStartingWith("name: must be letters, digits");
        assertThatThrownBy(() -> TestTrainscope.get().resolve(minimal().monitor("gradient-norm").build()))
                .hasMessageStartingWith("monitors[0]: unknown monitor 'gradient-norm'; did you mean 'gradient-norms'?");
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }
}
