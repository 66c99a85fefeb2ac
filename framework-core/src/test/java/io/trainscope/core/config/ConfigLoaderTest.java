package io.trainscope.core.config;

import io.trainscope.core.TestTrainscope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    private static final String MINIMAL = """
            data: {source: gaussian-classification}
            model: {hidden: [8]}
            """;

    @Test
    void readsAFullConfigWithPluginParametersBesideTheirNames() {
        ExperimentSpec spec = TestTrainscope.parse("""
                name: demo
                data:
                  source: gaussian-classification
                  samples: 200
                  split: {train: 0.8, validation: 0.1, test: 0.1, seed: 7}
                model:
                  hidden: {layers: 3, units: 16}
                  activation: tanh
                  init: {name: normal, std: 0.5}
                  normalizers: [batchnorm]
                  output: {activation: softmax, loss: cross-entropy}
                training:
                  optimizer: {name: momentum, learning-rate: 0.05, momentum: 0.8}
                  epochs: 4
                  batch-size: 16
                  seeds: [1, 2]
                  early-stopping: {metric: validation.accuracy, patience: 2}
                monitors:
                  - {name: gradient-norms, every: 5}
                  - dead-neurons
                """);
        assertThat(spec.name()).isEqualTo("demo");
        assertThat(spec.data().source()).isEqualTo(PluginRef.of("gaussian-classification", Map.of("samples", 200)));
        assertThat(spec.data().split()).isEqualTo(new SplitSpec(0.8, 0.1, 0.1, 7L));
        assertThat(spec.model().hidden()).containsExactly(16, 16, 16);
        assertThat(spec.model().init().params()).containsEntry("std", 0.5);
        assertThat(spec.model().normalizers()).extracting(PluginRef::name).containsExactly("batchnorm");
        assertThat(spec.training().seeds()).containsExactly(1L, 2L);
        assertThat(spec.training().earlyStopping().patience()).isEqualTo(2);
        assertThat(spec.monitors()).extracting(PluginRef::name).containsExactly("gradient-norms", "dead-neurons");
    }

    @Test
    void fillsDefaultsForEverythingOptional() {
        ExperimentSpec spec = TestTrainscope.parse(MINIMAL);
        assertThat(spec.name()).isEqualTo("test");
        assertThat(spec.model().activation().name()).isEqualTo("relu");
        assertThat(spec.model().init().name()).isEqualTo("he-normal");
        assertThat(spec.training().optimizer().name()).isEqualTo("sgd");
        assertThat(spec.training().seeds()).containsExactly(42L);
        assertThat(spec.monitors()).extracting(PluginRef::name).containsExactlyElementsOf(ConfigLoader.DEFAULT_MONITORS);
    }

    @Test
    void anEmptyMonitorListMeansNoMonitors() {
        assertThat(TestTrainscope.parse(MINIMAL + "monitors: []\n").monitors()).isEmpty();
    }

    @Test
    void acceptsMonitorsAsAMapOfParameters() {
        ExperimentSpec spec = TestTrainscope.parse(MINIMAL + "monitors: {gradient-norms: {every: 2}, dead-neurons: }\n");
        assertThat(spec.monitors()).containsExactly(PluginRef.of("gradient-norms", Map.of("every", 2)),
                PluginRef.of("dead-neurons"));
    }

    @Test
    void rejectsAnUnknownFieldSuggestingTheClosestOne() {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "trainng: {epochs: 2}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("trainng: unknown field; did you mean 'training'?; allowed here: data, model, monitors, name, training");
    }

    @Test
    void namesThePathOfABadBatchSize() {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "training: {batch-size: 0}\n"))
                .hasMessage("training.batch-size: must be an integer >= 1, got 0");
    }

    @Test
    void namesTheIndexOfABadHiddenWidth() {
        assertThatThrownBy(() -> TestTrainscope.parse("data: {source: iris}\nmodel: {hidden: [8, wide]}\n"))
                .hasMessage("model.hidden[1]: must be an integer >= 1, got 'wide'");
    }

    @Test
    void rejectsSplitsThatAddUpToMoreThanOne() {
        assertThatThrownBy(() -> TestTrainscope.parse("""
                data: {source: iris, split: {train: 0.8, validation: 0.3}}
                model: {hidden: [4]}
                """)).hasMessage("data.split: train + validation + test must be at most 1, got 1.1");
    }

    @Test
    void rejectsSeedAndSeedsTogether() {
        assertThatThrownBy(() -> TestTrainscope.parse(MINIMAL + "training: {seed: 1, seeds: [2]}\n"))
                .hasMessage("training.seeds: give either 'seed' or 'seeds', not both");
    }

    @Test
    void suggestsTheClosestLoss() {
        assertThatThrownBy(() -> TestTrainscope.parse("data: {source: iris}\nmodel: {output: {loss: cross-entropi}}\n"))
                .hasMessage("model.output.loss: must be one of cross-entropy, binary-cross-entropy, mse, mae, got "
                        + "'cross-entropi'; did you mean 'cross-entropy'?");
    }

    @Test
    void pointsAtTheLineOfAYamlSyntaxError() {
        assertThatThrownBy(() -> TestTrainscope.parse("data: {source: iris\nmodel: [\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("test config is not valid YAML at line");
    }

    @Test
    void requiresData() {
        assertThatThrownBy(() -> TestTrainscope.parse("model: {hidden: [4]}\n"))
                .hasMessage("data: missing: say where the examples come from, e.g. 'source: idx'");
    }

    @Test
    void saysWhichConfigFileIsMissing() {
        assertThatThrownBy(() -> new ConfigLoader().load(Path.of("no/such/config.yaml")))
                .hasMessageStartingWith("config file no/such/config.yaml does not exist");
    }

    @Test
    void resolvesRelativeDataPathsAgainstTheConfigFilesDirectory(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("exp.yaml");
        Files.writeString(file, MINIMAL);
        ExperimentSpec spec = new ConfigLoader().load(file);
        assertThat(spec.name()).isEqualTo("exp");
        assertThat(spec.data().baseDirectory()).isEqualTo(dir.toAbsolutePath());
    }

    @Test
    void theResolvedConfigReadsBackToTheSameExperiment() {
        ResolvedExperiment first = TestTrainscope.resolve("""
                name: roundtrip
                data: {source: gaussian-classification, samples: 100, split: {validation: 0.2}}
                model: {hidden: [6, 4], activation: tanh, init: {name: xavier-normal, gain: 2.0}}
                training:
                  optimizer: {name: adam}
                  schedule: {name: step, every-epochs: 2}
                  early-stopping: {metric: validation.loss, patience: 3}
                """);
        String yaml = ResolvedConfigWriter.toYaml(first);
        ResolvedExperiment second = TestTrainscope.get().resolve(
                new ConfigLoader().parse(yaml, "x", "written config", Path.of("")));
        assertThat(ResolvedConfigWriter.toYaml(second)).isEqualTo(yaml);
        assertThat(second.init().params().real("gain")).isEqualTo(2.0);
        assertThat(second.optimizerParams().real("beta2")).isEqualTo(0.999);
        assertThat(List.of(second.spec().data().split().validation())).containsExactly(0.2);
    }
}
