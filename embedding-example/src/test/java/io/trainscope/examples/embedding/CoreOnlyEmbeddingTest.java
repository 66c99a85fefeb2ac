package io.trainscope.examples.embedding;

import io.trainscope.core.training.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An application with framework-core and an SLF4J binding as its only trainscope dependencies
 * trains, writes a run folder (without a report: that is framework-report's) and loads the model
 * back. The classpath of this test is that application's, plus JUnit and AssertJ.
 */
class CoreOnlyEmbeddingTest {

    @Test
    void trainsWritesARunFolderWithoutAReportAndLoadsTheModelBack(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("iris.yaml"), """
                data: {source: iris, split: {validation: 0.2, seed: 3}}
                model: {hidden: [8], normalizers: [standardize]}
                training: {optimizer: {name: adam, learning-rate: 0.01}, epochs: 3, batch-size: 16, seed: 1}
                """);
        TrainingResult result = EmbeddedTraining.train(config, dir.resolve("runs"));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.epochs()).isEqualTo(3);
        assertThat(result.directory()).isDirectoryContaining("glob:**/run.json").isDirectoryContaining("glob:**/metrics.jsonl")
                .isDirectoryContaining("glob:**/findings.json").isDirectoryContaining("glob:**/catalogue.json")
                .isDirectoryContaining("glob:**/config.yaml").isDirectoryNotContaining("glob:**/report.html");
        int[] classes = PredictWithTrainedModel.predict(result.directory());
        assertThat(Arrays.stream(classes).boxed().toList()).hasSize(2).allSatisfy(c -> assertThat(c).isBetween(0, 2));
    }

    @Test
    void theClasspathHoldsNeitherTheReportNorTheCommandLineNorTheirLibraries() {
        for (String name : new String[]{"io.trainscope.report.ReportWriter", "io.trainscope.cli.TrainscopeCli",
                "picocli.CommandLine", "org.jfree.chart.JFreeChart", "me.tongfei.progressbar.ProgressBar",
                "org.jline.terminal.Terminal"}) {
            assertThatThrownBy(() -> Class.forName(name)).as(name).isInstanceOf(ClassNotFoundException.class);
        }
    }
}
