package io.trainscope.report;

import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.Metric;
import io.trainscope.core.run.JsonlMeasurementWriter;
import io.trainscope.core.run.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsReaderTest {

    private static final Metric NORM = Metric.layer("layer.gradient.norm", "l2", "test");
    private static final Metric LOSS = Metric.network("train.loss", "loss", "test");
    private static final Metric HIST = Metric.histogram("layer.activation.histogram", "test");

    private static List<MetricLine> readAll(Path file) {
        List<MetricLine> lines = new ArrayList<>();
        MetricsReader.read(file, lines::add);
        return lines;
    }

    @Test
    void readsBackWhatTheRunWriterWritesIncludingNonFiniteValuesAndHistograms(@TempDir Path dir) {
        Path file = dir.resolve("metrics.jsonl");
        try (JsonlMeasurementWriter out = new JsonlMeasurementWriter(file)) {
            out.accept(new Measurement("r", 0, 0, "gradient-norms", 3, "hidden-3", NORM, 0.125, null));
            out.accept(new Measurement("r", 1, 0, "trainer", null, null, LOSS, Double.NaN, null));
            out.accept(new Measurement("r", 2, 0, "trainer", null, null, LOSS, Double.POSITIVE_INFINITY, null));
            out.accept(new Measurement("r", 3, 1, "trainer", null, null, LOSS, Double.NEGATIVE_INFINITY, null));
            out.accept(new Measurement("r", 4, 1, "histograms", 0, "hidden-0", HIST, Double.NaN,
                    new Histogram(new double[]{0, 0.5, 1}, new long[]{7, 3})));
        }
        List<MetricLine> lines = readAll(file);

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo(new MetricLine("r", 0, 0, "gradient-norms", 3, "hidden-3", "layer.gradient.norm",
                "l2", 0.125, null));
        assertThat(lines.get(1).value()).isNaN();
        assertThat(lines.get(2).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(lines.get(3).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(lines.get(3).layer()).isNull();
        assertThat(lines.get(4).histogram()).isEqualTo(new Histogram(new double[]{0, 0.5, 1}, new long[]{7, 3}));
        assertThat(lines.get(4).epoch()).isEqualTo(1);
    }

    @Test
    void skipsATruncatedLastLineAndSaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.jsonl");
        Files.writeString(file, """
                {"run":"r","iteration":0,"epoch":0,"monitor":"trainer","metric":"train.loss","unit":"loss","value":0.7}
                {"run":"r","iteration":1,"epoch":0,"monitor":"trainer","metric":"train.loss","unit":"loss","value":0.6}
                {"run":"r","iteration":2,"epoch":0,"monitor":"trainer","metr""");
        List<MetricLine> lines = new ArrayList<>();
        MetricsReader.Summary summary = MetricsReader.read(file, lines::add);

        assertThat(lines).extracting(MetricLine::value).containsExactly(0.7, 0.6);
        assertThat(summary.lines()).isEqualTo(2);
        assertThat(summary.skippedLastLine()).contains("line 3 is incomplete or malformed and was skipped");
    }

    @Test
    void rejectsAMalformedLineBeforeTheLastNamingTheFileAndTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.jsonl");
        Files.writeString(file, """
                {"run":"r","iteration":0,"epoch":0,"monitor":"trainer","metric":"train.loss","unit":"loss","value":0.7}
                {"run":"r","iteration":1,"epoch":0,"monitor":"trainer","metric":"train.loss","unit":"loss","value":"lots"}
                {"run":"r","iteration":2,"epoch":0,"monitor":"trainer","metric":"train.loss","unit":"loss","value":0.5}
                """);

        assertThatThrownBy(() -> readAll(file)).isInstanceOf(ReportException.class)
                .hasMessage(file + " line 2 is malformed: \"value\" must be a number or NaN/Infinity/-Infinity, got \"lots\" "
                        + "(only the last line may be cut short)");
    }

    @Test
    void rejectsALineWithoutAMetricAndIgnoresBlankLinesAndUnknownFields(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.jsonl");
        Files.writeString(file, """
                {"iteration":0,"metric":"train.loss","value":1,"future":{"a":[1,2]}}

                {"iteration":1,"value":2}
                {"iteration":2,"metric":"train.loss","value":3}
                """);

        assertThatThrownBy(() -> readAll(file)).hasMessageContaining("line 3 is malformed: no \"metric\" field");
        Files.writeString(file, "{\"iteration\":0,\"metric\":\"train.loss\",\"value\":1,\"future\":{\"a\":[1,2]}}\n\n");
        assertThat(readAll(file)).singleElement().satisfies(l -> {
            assertThat(l.metric()).isEqualTo("train.loss");
            assertThat(l.monitor()).isNull();
        });
    }
}
