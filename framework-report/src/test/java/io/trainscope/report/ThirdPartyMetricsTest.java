package io.trainscope.report;

import io.trainscope.api.monitor.Chart;
import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.run.MetricCatalogue;
import io.trainscope.core.run.RunFolder;
import io.trainscope.core.training.RunOptions;
import io.trainscope.core.training.TrainingResult;
import io.trainscope.report.testplugins.WeightScaleMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitor the core and the report have never heard of (registered only in this module's test
 * services file) gets its declared metrics into the run's catalogue and drawn in the report, as
 * charts of the kinds it declared, in the section it named.
 */
class ThirdPartyMetricsTest {

    private static final String CONFIG = """
            data: {source: gaussian-classification, samples: 200, features: 8, classes: 2}
            model: {hidden: [6, 5], activation: tanh, init: xavier-normal}
            training: {optimizer: {name: sgd, learning-rate: 0.1}, epochs: 2, batch-size: 50, seed: 3}
            monitors: [{name: test-weight-scale, every: 1}]
            """;

    @Test
    void aThirdPartyMonitorsDeclaredMetricsGetChartsInTheReport(@TempDir Path root) throws Exception {
        Trainscope trainscope = Trainscope.create();
        var spec = new ConfigLoader().parse(CONFIG, "third-party", "test config", Path.of(""));
        TrainingResult result = trainscope.trainer().train(trainscope.resolve(spec), RunOptions.defaults().withOutputRoot(root));

        MetricCatalogue catalogue = MetricCatalogue.read(result.directory().resolve(RunFolder.CATALOGUE));
        assertThat(catalogue.entry("layer.weight.rms")).hasValueSatisfying(e -> {
            assertThat(e.source()).isEqualTo("test-weight-scale");
            assertThat(e.metric()).isEqualTo(WeightScaleMonitor.RMS);
        });
        String html = Files.readString(result.directory().resolve(RunFolder.REPORT));
        assertThat(ReportPages.chartIds(html)).contains("layer-weight-rms", "weight-rms-spread");
        assertThat(html).contains("<section id=\"weight-scale\">", "RMS of the weights per layer",
                "Largest / smallest layer RMS", "A test-only monitor&#39;s metric");
        assertThat(WeightScaleMonitor.RMS.drawing().chart()).isEqualTo(Chart.LAYER_LINES);
    }
}
