package io.trainscope.report;

import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Scale;
import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A per-layer metric declared for comparison, at the first recorded iteration of every run, as
 * one line per run across the layers: the before and after of a fix in one picture.
 */
final class ComparisonLayers {

    private ComparisonLayers() {
    }

    static Optional<Figure> atStart(List<RunData> runs, Metric m) {
        TreeMap<Integer, String> categories = new TreeMap<>();
        for (RunData r : runs) {
            for (int layer : r.layerSeries(m.name()).keySet()) {
                categories.putIfAbsent(layer, r.layerName(layer));
            }
        }
        if (categories.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(categories.values());
        if (names.stream().distinct().count() != names.size()) {
            names = categories.keySet().stream().map(i -> "layer " + i).toList();
        }
        List<ChartKit.Row> rows = new ArrayList<>();
        long firstIteration = Long.MAX_VALUE;
        for (int i = 0; i < runs.size(); i++) {
            Map<Integer, Series> layers = runs.get(i).layerSeries(m.name());
            if (layers.isEmpty()) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            for (int layer : categories.keySet()) {
                Series s = layers.get(layer);
                values.add(s == null ? null : s.first().value());
                firstIteration = s == null ? firstIteration : Math.min(firstIteration, s.first().iteration());
            }
            rows.add(new ChartKit.Row(runs.get(i).label(), names, values, ChartKit.tab(i), false));
        }
        Drawing drawing = m.drawing();
        boolean log = drawing.scale() != Scale.LINEAR;
        int[] dropped = {0};
        JFreeChart chart = ChartKit.categoryLines(ChartText.title(m) + " at the first recorded iteration",
                "iteration " + firstIteration, "layer", ChartText.axis(m), rows, log, dropped);
        StringBuilder caption = new StringBuilder("One line per run: a flat line means every layer has the same value; "
                + "a line rising or falling across the layers shows how the value changes with depth.");
        ChartText.note(caption, dropped[0], log);
        return Optional.of(new Figure("first-" + ChartText.slug(m.name()), chart, Figure.WIDE, Figure.TALL,
                caption.toString()));
    }
}
