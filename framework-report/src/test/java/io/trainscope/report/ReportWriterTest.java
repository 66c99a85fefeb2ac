package io.trainscope.report;

import io.trainscope.api.monitor.Histogram;
import io.trainscope.report.SyntheticRun.Kind;
import io.trainscope.core.run.RunFolder;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWriterTest {

    /** Every chart a run with every standard monitor's metrics gets, by its data-chart id (the first metric's name). */
    static final List<String> EVERY_CHART = List.of("train-loss", "validation-accuracy", "layer-gradient-norm",
            "gradient-norm-ratio", "hist-first-layer-weight-histogram", "hist-first-layer-activation-histogram",
            "hist-first-layer-gradient-log10-histogram", "hist-last-layer-weight-histogram", "layer-gradient-p05",
            "layer-weight-p05", "layer-dead-percent", "layer-saturation-percent", "layer-saturated-units",
            "layer-symmetric-units", "layer-forward-variance-ratio", "network-forward-variance-product",
            "layer-update-ratio");

    static List<String> charts(String html) {
        return ReportPages.chartIds(html);
    }

    @Test
    void aRunWithEveryMonitorsMetricsGetsEveryChartAsInlineSvg(@TempDir Path root) throws Exception {
        Path run = SyntheticRun.in(root, "all").layers(5).finding(SyntheticRun.vanishing()).write();
        String html = Files.readString(ReportWriter.writeFor(run));

        assertThat(charts(html)).containsAll(EVERY_CHART);
        assertThat(html).contains("<svg", "Initial loss", "7.9", "2.303", "3.431", "Resolved config (config.yaml)",
                "Weights per layer over time", "Weights", "Activations", "log10(|gradient of weights|)",
                "test (final model)", "accuracy 0.81");
        assertThat(html).containsSubsequence("Loss and accuracy", "Initialization and gradients",
                "Dead, saturated and symmetric units", "Distributions per layer", "Weights and gradients across epochs",
                "Variance flow", "Update ratios", "All metrics");
        assertThat(html.split("<svg", -1).length - 1).isEqualTo(charts(html).size());
    }

    @Test
    void aRunWithOnlyGradientNormsAndDeadNeuronsGetsAShortCleanReport(@TempDir Path root) throws Exception {
        Path run = SyntheticRun.in(root, "two").kinds(EnumSet.of(Kind.TRAINER, Kind.GRADIENT_NORMS, Kind.DEAD_NEURONS))
                .write();
        String html = Files.readString(ReportWriter.writeFor(run));

        assertThat(charts(html)).containsExactly("train-loss", "layer-gradient-norm", "gradient-norm-ratio",
                "layer-dead-percent");
        assertThat(html).doesNotContain("Distributions per layer", "Variance flow", "Update ratios", "Initial loss",
                "Weights and gradients across epochs", "Validation")
                .contains("No findings");
    }

    @Test
    void theReportIsSelfContainedAndEscapesWhatRunsWrote(@TempDir Path root) throws Exception {
        Path run = SyntheticRun.in(root, "escape").layers(3).finding(SyntheticRun.vanishing())
                .finding(SyntheticRun.nonFinite()).write();
        String html = Files.readString(ReportWriter.writeFor(run));

        assertThat(html.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xlink", ""))
                .doesNotContain("http://", "https://", "<script", "<link", "<img", "@import");
        assertThat(html).contains("threshold &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("class=\"finding CRITICAL\"", "class=\"finding WARNING\"", "<b>Fix:</b> Use xavier-normal")
                .containsSubsequence("NaN or infinite values", "Vanishing gradients");
    }

    @Test
    void seedZeroStyleHistogramsShowLayersZeroThreeSixAndTheLast() {
        assertThat(HistogramPanels.chosenLayers(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))).containsExactly(0, 3, 6, 10);
        assertThat(HistogramPanels.chosenLayers(List.of(0, 1, 2))).containsExactly(0, 1, 2);
        assertThat(HistogramPanels.chosenLayers(List.of(0, 1, 2, 3, 4, 5))).containsExactly(0, 1, 2, 5);
    }

    @Test
    void aStepDensityIntegratesToOne() {
        double[][] step = HistogramPanels.stepDensity(new Histogram(new double[]{0, 0.5, 2},
                new long[]{30, 10}));
        double area = 0;
        for (int i = 1; i < step[0].length; i++) {
            area += (step[0][i] - step[0][i - 1]) * step[1][i - 1];
        }
        assertThat(area).isCloseTo(1.0, Assertions.within(1e-12));
        assertThat(step[1][0]).isZero();
        assertThat(step[1][step[1].length - 1]).isZero();
    }

    @Test
    void histogramsOfDifferentRangesAreRebinnedOntoSharedBinsKeepingTheirCounts() {
        var wide = new Histogram(new double[]{0, 0.5, 1}, new long[]{4, 4});
        var narrow = new Histogram(new double[]{0.5, 0.5000001}, new long[]{10});
        double[] edges = HistogramPanels.commonEdges(List.of(wide, narrow));

        assertThat(edges).containsExactly(0, 0.5, 1);
        assertThat(HistogramPanels.rebin(wide, new double[]{0, 0.25, 0.5, 0.75, 1})).containsExactly(2, 2, 2, 2);
        assertThat(HistogramPanels.rebin(narrow, edges)).containsExactly(0, 10);
    }

    @Test
    void aTruncatedLastLineIsNotedAndTheRestIsReported(@TempDir Path root) throws Exception {
        Path run = SyntheticRun.in(root, "cut").kinds(EnumSet.of(Kind.TRAINER)).write();
        Files.writeString(run.resolve(RunFolder.METRICS), "{\"run\":\"cut\",\"iteration\":9",
                StandardOpenOption.APPEND);
        String html = Files.readString(ReportWriter.writeFor(run));

        assertThat(html).contains("was cut short", "data-chart=\"train-loss\"");
    }

    @Test
    void aFolderWithoutMetricsIsNotARunFolderAndTheMessageSaysWhatIsMissing(@TempDir Path root) throws Exception {
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertThatThrownBy(() -> ReportWriter.writeFor(empty)).isInstanceOf(ReportException.class)
                .hasMessage(empty + " is not a run folder: metrics.jsonl is missing (and so is run.json); pass a folder "
                        + "that 'trainscope train' wrote");
        assertThatThrownBy(() -> ReportWriter.writeFor(root.resolve("nowhere")))
                .hasMessage(root.resolve("nowhere") + " is not a run folder: no such directory");
    }

    @Test
    void missingOptionalFilesLeaveTheirPartOutWithANote(@TempDir Path root) throws Exception {
        Path run = SyntheticRun.in(root, "bare").kinds(EnumSet.of(Kind.TRAINER)).write();
        Files.delete(run.resolve(RunFolder.RUN));
        Files.delete(run.resolve(RunFolder.FINDINGS));
        Files.delete(run.resolve(RunFolder.CONFIG));
        String html = Files.readString(ReportWriter.writeFor(run));

        assertThat(html).contains("run.json is missing", "findings.json is missing", "config.yaml is missing",
                "data-chart=\"train-loss\"").doesNotContain("Resolved config");
    }

    @Test
    void aComparisonOverlaysTheRunsWithOneColourEach(@TempDir Path root) throws Exception {
        Path before = SyntheticRun.in(root, "before").layers(4).finding(SyntheticRun.vanishing()).write();
        Path after = SyntheticRun.in(root, "after").layers(4).kinds(EnumSet.of(Kind.TRAINER, Kind.VALIDATION,
                Kind.GRADIENT_NORMS)).write();
        Path out = ReportWriter.writeComparison(List.of(before, after), root.resolve("cmp.html"));
        String html = Files.readString(out);

        assertThat(charts(html)).containsExactly("cmp-loss", "cmp-accuracy", "cmp-first-layer-gradient-norm",
                "cmp-gradient-norm-ratio", "cmp-first-layer-dead-percent", "cmp-network-forward-variance-product",
                "cmp-hist-0-layer-weight-histogram",
                "cmp-hist-0-layer-activation-histogram", "cmp-hist-0-layer-gradient-log10-histogram",
                "cmp-hist-0-layer-preactivation-histogram", "cmp-hist-0-layer-gradient-histogram");
        assertThat(html).contains("Comparison of 2 runs", "synthetic (seed 1) — before", "synthetic (seed 1) — after",
                "Findings per run", "1 warning", "No findings", "<code>initial.loss</code> at start", "7.9");
    }

    @Test
    void theSaturationCaptionNamesTheActivationsTheRunUsed(@TempDir Path root) throws Exception {
        Path sigmoid = SyntheticRun.in(root, "sigmoid").kinds(EnumSet.of(Kind.TRAINER, Kind.SATURATION)).write();
        Path relu = SyntheticRun.in(root, "relu").kinds(EnumSet.of(Kind.TRAINER, Kind.SATURATION))
                .activation("relu", 0.0, null).write();

        assertThat(ReportPages.captions(Files.readString(ReportWriter.writeFor(sigmoid))))
                .anyMatch(c -> c.contains("flat region of the activation function (sigmoid: a ≤ 0.01 or a ≥ 0.99; "
                        + "softmax: no flat region)"))
                .noneMatch(c -> c.contains("tanh"));
        assertThat(ReportPages.captions(Files.readString(ReportWriter.writeFor(relu))))
                .anyMatch(c -> c.contains("flat region of the activation function (relu: a ≤ 0; softmax: no flat region)"))
                .noneMatch(c -> c.contains("tanh") || c.contains("sigmoid"));
    }

    @Test
    void aFolderWithoutACatalogueStillDrawsItsMetricsByTheirShape(@TempDir Path root) throws Exception {
        Path run = SyntheticRun.in(root, "old").kinds(EnumSet.of(Kind.TRAINER, Kind.GRADIENT_NORMS, Kind.HISTOGRAMS))
                .withoutCatalogue().write();
        String html = Files.readString(ReportWriter.writeFor(run));

        assertThat(html).contains("catalogue.json is missing");
        assertThat(charts(html)).contains("train-loss", "epoch-train-loss", "layer-gradient-norm", "gradient-norm-ratio",
                "hist-first-layer-weight-histogram", "layer-weight-p05");
    }

    @Test
    void aLongRunStaysSmall(@TempDir Path root) throws Exception {
        // a 10-epoch MNIST-sized run: 938 batches of 64 per epoch, per-layer metrics every 10 iterations
        Path run = SyntheticRun.in(root, "long").layers(3).epochs(10, 938).every(10).write();
        long t0 = System.nanoTime();
        Path report = ReportWriter.writeFor(run);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long metrics = Files.size(run.resolve(RunFolder.METRICS));
        long size = Files.size(report);
        System.out.printf("long run: metrics.jsonl %d KB -> report.html %d KB in %.2f s%n", metrics >> 10, size >> 10, seconds);

        assertThat(size).isLessThan(2L << 20);
        assertThat(charts(Files.readString(report))).containsAll(EVERY_CHART);
    }
}
