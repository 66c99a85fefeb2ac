package io.trainscope.core.diagnosis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnoserTest {

    private static final String NETWORK = """
            data: {source: gaussian-classification, samples: 320, features: 16, classes: 4, labels: linear}
            model: {hidden: [16, 16, 16], activation: tanh, init: %s}
            training: {optimizer: {name: sgd, learning-rate: 0.1}, batch-size: 32, seeds: [3, 4]}
            monitors: [histograms]
            """;

    private static ConfigSource source(String init) {
        ObjectNode tree = (ObjectNode) ConfigLoader.readTree(NETWORK.formatted(init), "test");
        return new ConfigSource(tree, "test", "test.yaml", Path.of(""));
    }

    private static Diagnoser.Examination diagnose(String init) {
        return TestTrainscope.get().get(Diagnoser.class).diagnose(source(init), 12, null);
    }

    @Test
    void namesSymmetricUnitsAsTheCauseOfAZeroInitializationWithTheCureAsAConfigChange() {
        DiagnosisReport report = diagnose("zeros").report();

        Diagnosis primary = report.primary();
        assertThat(primary.ailment()).isEqualTo(Ailment.SYMMETRIC_UNITS);
        assertThat(primary.level()).isEqualTo(Level.ERROR);
        assertThat(primary.layers()).containsExactly("hidden-0", "hidden-1", "hidden-2");
        assertThat(primary.prescription().changes()).extracting(ConfigChange::describe)
                .containsExactly("model.init: xavier-normal");
        assertThat(primary.explains()).isNotEmpty();
    }

    @Test
    void probesWithItsOwnMonitorsOneSeedAndTheIterationsAskedFor() {
        Diagnoser.Examination exam = diagnose("xavier-normal");

        assertThat(exam.probe().experiment().monitors()).extracting(m -> m.name())
                .containsExactlyElementsOf(Vocabulary.probeMonitors().stream().map(m -> (String) m.get("name")).toList());
        assertThat(exam.probe().experiment().spec().training().seeds()).containsExactly(3L);
        assertThat(exam.probe().run().iterations()).isEqualTo(12);
        assertThat(exam.report().atLeast(Level.ERROR)).isEmpty();
        assertThat(exam.probe().network().shape()).isEqualTo(ActivationShape.SATURATING);
        assertThat(exam.probe().network().hiddenGainRatio()).isBetween(0.7, 1.3);
    }

    @Test
    void appliesAPrescriptionAsASweepEntryIsApplied() {
        ConfigSource cured = source("zeros").with(List.of(
                Changes.addNormalizer(source("zeros"), Vocabulary.STANDARDIZE, true, ""),
                Changes.learningRate(0.01, ""), Changes.init(ActivationShape.RELU_LIKE)));

        var spec = cured.parse();
        assertThat(spec.model().normalizers()).extracting(n -> n.name()).containsExactly("standardize");
        assertThat(spec.model().init().name()).isEqualTo("he-normal");
        assertThat(spec.training().optimizer().params()).containsEntry("learning-rate", 0.01);
    }

    @Test
    void everyPluginTheDiagnosisNamesExists() {
        PluginRegistry registry = TestTrainscope.get().plugins();
        Map<String, PluginFamily<?>> families = Map.of("monitor", PluginFamily.MONITOR, "initializer",
                PluginFamily.INITIALIZER, "activation", PluginFamily.ACTIVATION, "normalizer", PluginFamily.NORMALIZER);
        Vocabulary.pluginNames().forEach((family, names) -> assertThat(registry.names(families.get(family)))
                .as(family).containsAll(names));
    }

    @Test
    void classifiesActivationsByTheirShapeNotTheirName() {
        PluginRegistry registry = TestTrainscope.get().plugins();
        assertThat(shape(registry, "relu")).isEqualTo(ActivationShape.RELU_LIKE);
        assertThat(shape(registry, "elu")).isEqualTo(ActivationShape.RELU_LIKE);
        assertThat(shape(registry, "swish")).isEqualTo(ActivationShape.RELU_LIKE);
        assertThat(shape(registry, "sigmoid")).isEqualTo(ActivationShape.SATURATING);
        assertThat(shape(registry, "tanh")).isEqualTo(ActivationShape.SATURATING);
        assertThat(shape(registry, "identity")).isEqualTo(ActivationShape.OTHER);
    }

    private static ActivationShape shape(PluginRegistry registry, String name) {
        var activation = registry.get(PluginFamily.ACTIVATION, name);
        return ActivationShape.of(activation, io.trainscope.api.plugin.Parameters.defaults(activation));
    }
}
