package io.trainscope.report;

import io.trainscope.api.monitor.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code violin} charts: the histograms a monitor declares as violins, per layer over time. */
class ViolinChartsTest {

    @Test
    void aViolinMetricIsDrawnPerLayerAtFourPointsInTimeFirstAndLastIncluded(@TempDir Path root) throws Exception {
        Path run = SyntheticRun.in(root, "violins").layers(3).epochs(6, 5).write();
        String html = Files.readString(ReportWriter.writeFor(run));

        assertThat(ReportWriterTest.charts(html)).contains("layer-gradient-distribution", "layer-weight-distribution");
        String svg = figure(html, "layer-gradient-distribution");
        assertThat(svg).contains("Weight gradients per layer over time (violins)", "hidden-0", "hidden-1", "output");
        Matcher legend = Pattern.compile("iteration (\\d+) \\(epoch (\\d+)\\)").matcher(svg);
        assertThat(Stream.iterate(legend.find(), found -> found, found -> legend.find()).count())
                .as("one legend entry per point in time").isEqualTo(4);
        assertThat(svg).contains("(epoch 0)", "(epoch 5)");
    }

    @Test
    void theShapeIsTheDensityScaledToOneWithQuartilesReadInsideTheBins() {
        ViolinShape s = ViolinShape.of(new Histogram(new double[]{0, 1, 2, 3, 4}, new long[]{1, 1, 1, 1}));
        assertThat(s.q1()).isCloseTo(1.0, within(1e-12));
        assertThat(s.median()).isCloseTo(2.0, within(1e-12));
        assertThat(s.q3()).isCloseTo(3.0, within(1e-12));
        assertThat(s.y()).containsExactly(0, 0.5, 1.5, 2.5, 3.5, 4);
        assertThat(s.width()).containsExactly(0, 0.75, 1, 1, 0.75, 0);
    }

    @Test
    void anEmptyHistogramHasNoShape() {
        assertThat(ViolinShape.of(new Histogram(new double[]{0, 1}, new long[]{0}))).isNull();
    }

    private static String figure(String html, String id) {
        int at = html.indexOf("id=\"fig-" + id + "\"");
        assertThat(at).as("figure " + id).isNotNegative();
        return html.substring(html.indexOf("<svg", at), html.indexOf("</svg>", at));
    }
}
