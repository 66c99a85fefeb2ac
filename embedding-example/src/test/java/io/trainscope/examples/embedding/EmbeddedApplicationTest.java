package io.trainscope.examples.embedding;

import io.trainscope.core.Trainscope;
import io.trainscope.core.plugin.PluginFamily;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedding application end to end, with its classpath (framework-core, Logback, Guice): its
 * module's reporter replaced the report, its monitor pushed every epoch of both runs to the
 * application, its own network was instrumented, and both models predict.
 */
class EmbeddedApplicationTest {

    @TempDir
    static Path runs;
    private static EmbeddedApplication.Outcome outcome;

    @BeforeAll
    static void runTheApplication() {
        outcome = EmbeddedApplication.run(runs);
    }

    @Test
    void theApplicationsReporterWroteEachRunsSummaryInsteadOfAReport() throws IOException {
        for (Path run : List.of(outcome.trained().directory(), outcome.instrumented().directory())) {
            assertThat(run.resolve(SummaryReporter.FILE)).content().matches(run.getFileName() + ": \\d+ measurements, \\d+ findings\\s*");
            assertThat(run.resolve("report.html")).doesNotExist();
        }
    }

    @Test
    void theApplicationsMonitorPushedEveryEpochOfBothRunsToTheFeed() {
        List<LiveFeed.EpochReport> trained = outcome.feed().stream().filter(r -> r.run().equals("iris-embedded")).toList();
        List<LiveFeed.EpochReport> own = outcome.feed().stream().filter(r -> r.run().equals("own-network")).toList();
        assertThat(trained).extracting(LiveFeed.EpochReport::epoch)
                .containsExactlyElementsOf(IntStream.range(0, EmbeddedApplication.EPOCHS).boxed().toList());
        assertThat(own).extracting(LiveFeed.EpochReport::epoch)
                .containsExactlyElementsOf(IntStream.range(0, EmbeddedApplication.EPOCHS).boxed().toList());
        assertThat(outcome.feed()).hasSize(2 * EmbeddedApplication.EPOCHS)
                .allSatisfy(r -> assertThat(r.trainingLoss()).isFinite().isPositive());
        assertThat(trained.get(trained.size() - 1).validation()).containsKey("accuracy");
        assertThat(trained.get(trained.size() - 1).trainingLoss()).isLessThan(trained.get(0).trainingLoss());
    }

    @Test
    void theOwnNetworkWasWatchedByTheMonitorsItNamed() throws IOException {
        assertThat(outcome.instrumented().network().layers()).extracting(l -> l.name()).containsExactly("hidden", "output");
        assertThat(Files.readString(outcome.instrumented().directory().resolve("metrics.jsonl")))
                .contains("\"layer.gradient.norm\"");
        assertThat(outcome.instrumented().directory().resolve("run.json")).content().contains("\"completed\"");
    }

    @Test
    void bothModelsPredict() {
        assertThat(outcome.predicted()).containsExactly(0, 2);
        assertThat(outcome.ownAccuracy()).isGreaterThan(0.8);
        assertThat(outcome.trained().validation().get("accuracy")).isGreaterThan(0.8);
    }

    @Test
    void theMonitorIsTheApplicationsOnlyNotADiscoveredPlugin() {
        assertThat(Trainscope.create().plugins().has(PluginFamily.MONITOR, LiveFeedMonitor.NAME)).isFalse();
        assertThat(Trainscope.create(new ApplicationModule(new LiveFeed())).plugins().has(PluginFamily.MONITOR, LiveFeedMonitor.NAME))
                .isTrue();
    }
}
