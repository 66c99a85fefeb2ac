package io.trainscope.examples.plugins;

import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ExperimentSpec;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.PreparedData;
import io.trainscope.core.model.NetworkBuilder;
import io.trainscope.core.plugin.DiscoveredPlugin;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.run.Measurement;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingResult;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code configs/extending.yaml} trained as a user would: its data source, initializer,
 * activation, normalizer and first monitor exist only in this module, registered only through
 * {@code META-INF/services}, and each is seen at work (the spirals' shape, the scaled inputs, the initializer's zeros,
 * the monitor's metric in {@code metrics.jsonl}, the catalogue and the report's chart).
 */
class ExtendingExampleTest {

    private static final Path CONFIG = Path.of("configs", "extending.yaml");

    @TempDir
    static Path runs;
    private static Trainscope trainscope;
    private static ResolvedExperiment experiment;
    private static PreparedData data;
    private static InMemoryMeasurements measurements;
    private static TrainingResult result;

    @BeforeAll
    static void trainTheConfigForThreeEpochs() {
        trainscope = Trainscope.create();
        ExperimentSpec spec = trainscope.load(CONFIG);
        experiment = trainscope.resolve(spec.withTraining(spec.training().withEpochs(3)));
        measurements = new InMemoryMeasurements();
        RunOptions options = RunOptions.defaults().withOutputRoot(runs).withExtraSink(measurements);
        data = trainscope.trainer().prepare(experiment, options);
        result = trainscope.trainer().trainOn(experiment, data, options);
    }

    @Test
    void everyExamplePluginIsDiscoveredFromThisModuleOnly() {
        Map<String, Class<?>> found = trainscope.plugins().all().stream()
                .filter(p -> p.location().getPath().contains("examples/target"))
                .collect(Collectors.toMap(p -> p.family().displayName() + " " + p.name(), DiscoveredPlugin::type));
        assertThat(found).containsOnly(
                Map.entry(PluginFamily.ACTIVATION.displayName() + " softsign", SoftsignActivation.class),
                Map.entry(PluginFamily.INITIALIZER.displayName() + " sparse-normal", SparseNormalInitializer.class),
                Map.entry(PluginFamily.MONITOR.displayName() + " weight-drift", WeightDriftMonitor.class),
                Map.entry(PluginFamily.DATA_SOURCE.displayName() + " two-spirals", TwoSpiralsSource.class),
                Map.entry(PluginFamily.NORMALIZER.displayName() + " min-max", MinMaxScaling.class));
    }

    @Test
    void theDataSourceGaveTwoBalancedClassesOfPointsInThePlane() {
        assertThat(data.inputs()).isEqualTo(2);
        assertThat(data.train().numExamples() + data.validation().numExamples()).isEqualTo(2000);
        INDArray labels = data.train().getLabels();
        assertThat(labels.sum(0).getDouble(1) / labels.rows()).isCloseTo(0.5, within(0.05));
    }

    @Test
    void theNormalizerMappedEachTrainingFeatureOntoMinusOneToOne() {
        INDArray x = data.train().getFeatures();
        assertThat(x.min(0).toDoubleVector()).containsExactly(new double[]{-1, -1}, within(1e-5));
        assertThat(x.max(0).toDoubleVector()).containsExactly(new double[]{1, 1}, within(1e-5));
    }

    @Test
    void theInitializerLeftThreeWeightsInFourAtZero() {
        MultiLayerNetwork net = trainscope.get(NetworkBuilder.class)
                .build(experiment, data.inputs(), data.head(), 7, new Adam(0.01)).network();
        INDArray hidden = net.paramTable().values().stream().filter(w -> w.rank() == 2 && w.rows() == 32 && w.columns() == 32)
                .findFirst().orElseThrow();
        double zeros = hidden.eq(0.0).castTo(hidden.dataType()).meanNumber().doubleValue();
        assertThat(zeros).as("share of zero weights in the 32 x 32 layer").isCloseTo(0.75, within(0.08));
    }

    @Test
    void theMonitorRecordedItsMetricForEveryLayerAndTheDriftGrows() throws IOException {
        List<Measurement> drift = measurements.metric("layer.weight.drift");
        assertThat(drift).extracting(Measurement::layer).containsOnly(0, 1, 2);
        assertThat(drift).extracting(Measurement::value).allSatisfy(v -> assertThat(v).isPositive().isFinite());
        long lastIteration = drift.get(drift.size() - 1).iteration();
        assertThat(measurements.value("layer.weight.drift", lastIteration, 0))
                .isGreaterThan(measurements.value("layer.weight.drift", 0, 0));
        assertThat(Files.readString(result.directory().resolve("metrics.jsonl"))).contains("\"layer.weight.drift\"");
        assertThat(Files.readString(result.directory().resolve("catalogue.json"))).contains("layer.weight.drift");
    }

    @Test
    void theReportDrawsTheMonitorsMetricInASectionOfItsOwn() throws IOException {
        String html = Files.readString(result.directory().resolve("report.html"));
        assertThat(html).contains("Weight drift (example plugin)").contains("Distance from the initial weights");
    }

    @Test
    void theRunTrainedToTheEndOnTheExamplePlugins() throws IOException {
        assertThat(result.succeeded()).isTrue();
        assertThat(result.epochs()).isEqualTo(3);
        assertThat(Files.readString(result.directory().resolve("config.yaml")))
                .contains("two-spirals").contains("sparse-normal").contains("softsign").contains("weight-drift")
                .contains("min-max");
    }
}
