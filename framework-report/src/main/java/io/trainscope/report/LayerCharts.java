package io.trainscope.report;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Scale;
import org.jfree.chart.JFreeChart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The charts of per-layer metrics: {@link Chart#LAYER_LINES} (one line per layer over
 * iterations), {@link Chart#LAYER_BARS} (bars per layer at the first and last measurement) and
 * {@link Chart#LAYER_PROFILE} (a line across the layers at the first and last measurement).
 */
final class LayerCharts {

    private LayerCharts() {
    }

    /** One line per layer over iterations, coloured from the input (dark) to the output (light). */
    static Optional<Figure> lines(RunData d, Metric m) {
        Map<Integer, Series> layers = d.layerSeries(m.name());
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        List<ChartKit.Line> lines = new ArrayList<>();
        int i = 0;
        boolean downsampled = false;
        for (var e : layers.entrySet()) {
            lines.add(ChartText.line(d.layerName(e.getKey()), e.getValue(), ChartKit.ramp(i++, layers.size()), false));
            downsampled |= e.getValue().downsampled();
        }
        Drawing drawing = m.drawing();
        double[] range = ChartAxes.positiveRange(lines);
        boolean log = drawing.scale() == Scale.LOG || (drawing.scale() == Scale.AUTO && ChartKit.wantsLog(range[0], range[1]));
        int[] dropped = {0};
        JFreeChart chart = drawing.hasReference()
                ? ChartKit.xyLines(ChartText.title(m), null, "iteration", ChartText.axis(m), lines, log, true, dropped,
                drawing.reference())
                : ChartKit.xyLines(ChartText.title(m), null, "iteration", ChartText.axis(m), lines, log, true, dropped);
        if (drawing.hasReference()) {
            chart.getXYPlot().addRangeMarker(ChartKit.marker(drawing.reference(), Html.number(drawing.reference())));
        }
        StringBuilder caption = new StringBuilder(ChartText.guide(d, List.of(m)));
        if (downsampled) {
            caption.append(" Long series are drawn as bucket means (at most ").append(Series.MAX_POINTS)
                    .append(" points per line).");
        }
        ChartText.note(caption, dropped[0], log);
        return Optional.of(new Figure(ChartText.slug(m.name()), chart, Figure.WIDE, Figure.TALL, caption.toString()));
    }

    /**
     * The sentence that replaces a bar chart whose every value is exactly zero ("No dead units in
     * any of 4 layers ..."), if they all are.
     */
    static Optional<String> zero(RunData d, Metric m) {
        Map<Integer, Series> layers = d.layerSeries(m.name());
        if (layers.isEmpty() || !allZero(layers)) {
            return Optional.empty();
        }
        TreeSet<Long> its = new TreeSet<>();
        layers.values().forEach(s -> {
            its.add(s.first().iteration());
            its.add(s.last().iteration());
        });
        return Optional.of("No " + ChartText.label(m) + " in any of " + layers.size() + " layers (" + m.name()
                + " is 0 everywhere, iterations " + ChartText.range(its) + ").");
    }

    /** Bars per layer at the first recorded point and at the last (two bars per layer when they differ). */
    static Optional<Figure> bars(RunData d, Metric m) {
        Map<Integer, Series> layers = d.layerSeries(m.name());
        if (layers.isEmpty() || allZero(layers)) {
            return Optional.empty();
        }
        List<String> categories = new ArrayList<>();
        List<Double> firstValues = new ArrayList<>();
        List<Double> lastValues = new ArrayList<>();
        TreeSet<Long> firstIts = new TreeSet<>();
        TreeSet<Long> lastIts = new TreeSet<>();
        for (var e : layers.entrySet()) {
            categories.add(d.layerName(e.getKey()));
            firstValues.add(e.getValue().first().value());
            lastValues.add(e.getValue().last().value());
            firstIts.add(e.getValue().first().iteration());
            lastIts.add(e.getValue().last().iteration());
        }
        List<ChartKit.Row> rows = new ArrayList<>();
        boolean same = firstIts.equals(lastIts);
        rows.add(new ChartKit.Row(same ? "iteration " + firstIts.first() : "first (iteration " + ChartText.range(firstIts)
                + ")", categories, firstValues, ChartKit.tab(0), false));
        if (!same) {
            rows.add(new ChartKit.Row("last (iteration " + ChartText.range(lastIts) + ")", categories, lastValues,
                    ChartKit.tab(1), false));
        }
        JFreeChart chart = ChartKit.categoryBars(ChartText.title(m), null, "layer", ChartText.axis(m), rows);
        if ("percent".equals(m.unit())) {
            double max = 0;
            for (List<Double> values : List.of(firstValues, lastValues)) {
                for (Double v : values) {
                    max = Math.max(max, v == null || !Double.isFinite(v) ? 0 : v);
                }
            }
            chart.getCategoryPlot().getRangeAxis().setRange(0, max <= 0 ? 1 : Math.min(100, max * 1.15));
        }
        return Optional.of(new Figure(ChartText.slug(m.name()), chart, Figure.WIDE, 320, ChartText.guide(d, List.of(m))));
    }

    /** Whether every recorded value of every layer is exactly zero. */
    static boolean allZero(Map<Integer, Series> layers) {
        for (Series s : layers.values()) {
            if (s.nonFinite() > 0) {
                return false;
            }
            for (Series.Point p : s.points()) {
                if (p.min() != 0 || p.max() != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The group's metrics as lines across the layers: first measurement solid, last dashed. */
    static Optional<Figure> profile(RunData d, ReportPlan.Group group) {
        TreeSet<Integer> layerIds = new TreeSet<>();
        List<Metric> drawn = new ArrayList<>();
        for (Metric m : group.metrics()) {
            if (!d.layerSeries(m.name()).isEmpty()) {
                layerIds.addAll(d.layerSeries(m.name()).keySet());
                drawn.add(m);
            }
        }
        if (drawn.isEmpty()) {
            return Optional.empty();
        }
        List<String> categories = layerIds.stream().map(d::layerName).toList();
        List<ChartKit.Row> rows = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            addRows(rows, ChartText.label(drawn.get(i)), d.layerSeries(drawn.get(i).name()), layerIds, categories,
                    ChartKit.tab(i));
        }
        Drawing drawing = drawn.get(0).drawing();
        boolean log = drawing.scale() == Scale.LOG || (drawing.scale() == Scale.AUTO && spansDecades(rows));
        int[] dropped = {0};
        JFreeChart chart = drawing.hasReference()
                ? ChartKit.categoryLines(group.title(), null, "layer", ChartText.axis(drawn.get(0)), rows, log, dropped,
                drawing.reference())
                : ChartKit.categoryLines(group.title(), null, "layer", ChartText.axis(drawn.get(0)), rows, log, dropped);
        if (drawing.hasReference()) {
            chart.getCategoryPlot().addRangeMarker(ChartKit.marker(drawing.reference(), Html.number(drawing.reference())));
        }
        StringBuilder caption = new StringBuilder("Solid: first measurement; dashed: last. ")
                .append(ChartText.guide(d, drawn));
        ChartText.note(caption, dropped[0], log);
        return Optional.of(new Figure(group.id(), chart, Figure.WIDE, Figure.TALL, caption.toString().trim()));
    }

    /** Whether the rows' finite values are positive and span two decades or more. */
    private static boolean spansDecades(List<ChartKit.Row> rows) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartKit.Row r : rows) {
            for (Double v : r.values()) {
                if (v != null && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return ChartKit.wantsLog(min, max);
    }

    private static void addRows(List<ChartKit.Row> rows, String name, Map<Integer, Series> series, TreeSet<Integer> layerIds,
                                List<String> categories, Color color) {
        List<Double> first = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        boolean differs = false;
        long firstIt = Long.MAX_VALUE;
        long lastIt = Long.MIN_VALUE;
        for (int layer : layerIds) {
            Series s = series.get(layer);
            first.add(s == null ? null : s.first().value());
            last.add(s == null ? null : s.last().value());
            if (s != null) {
                differs |= s.first().iteration() != s.last().iteration();
                firstIt = Math.min(firstIt, s.first().iteration());
                lastIt = Math.max(lastIt, s.last().iteration());
            }
        }
        rows.add(new ChartKit.Row(name + ", iteration " + firstIt, categories, first, color, false));
        if (differs) {
            rows.add(new ChartKit.Row(name + ", iteration " + lastIt, categories, last, color, true));
        }
    }
}
