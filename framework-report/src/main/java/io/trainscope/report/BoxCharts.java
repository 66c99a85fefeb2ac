package io.trainscope.report;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Metric;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link Chart#BOX} chart (seed 004's violins as box plots): the metrics of one title hold the
 * quantiles of a per-layer distribution (and its mean); per layer, one box at each of up to four
 * points in time spread over the run. The box spans the 25th to the 75th percentile with a line
 * at the median, the whiskers the lowest and highest other declared levels; a chart needs the
 * 25th, 50th and 75th.
 */
final class BoxCharts {

    private BoxCharts() {
    }

    /** The box chart of a group, when its quartiles were recorded. */
    static Optional<Figure> figure(RunData d, ReportPlan.Group group) {
        TreeMap<Double, Metric> levels = new TreeMap<>();
        Metric mean = null;
        for (Metric m : group.metrics()) {
            if (Double.isNaN(m.drawing().quantile())) {
                mean = m;
            } else if (!d.layerSeries(m.name()).isEmpty()) {
                levels.put(m.drawing().quantile(), m);
            }
        }
        if (!levels.containsKey(0.25) || !levels.containsKey(0.5) || !levels.containsKey(0.75)) {
            return Optional.empty();
        }
        Metric low = levels.firstKey() < 0.25 ? levels.firstEntry().getValue() : levels.get(0.25);
        Metric high = levels.lastKey() > 0.75 ? levels.lastEntry().getValue() : levels.get(0.75);
        Map<Integer, Series> medians = d.layerSeries(levels.get(0.5).name());
        TreeSet<Long> all = new TreeSet<>();
        medians.values().forEach(s -> all.addAll(s.snapshots().keySet()));
        List<Long> chosen = ChartText.spread(new ArrayList<>(all), 4);
        Map<Integer, Series> means = mean == null ? Map.of() : d.layerSeries(mean.name());
        List<Metric> roles = List.of(low, levels.get(0.25), levels.get(0.5), levels.get(0.75), high);
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        if (fill(data, d, roles, means, medians.keySet(), chosen) == 0) {
            return Optional.empty();
        }
        String whiskers = ChartText.percentile(low.drawing().quantile()) + "–"
                + ChartText.percentile(high.drawing().quantile()) + " percentile";
        JFreeChart chart = chart(group.title(), ChartText.axis(roles.get(2)), data, chosen.size(), !means.isEmpty(),
                "box: 25th–75th percentile, line: median, whiskers: " + whiskers + (means.isEmpty() ? "" : ", dot: mean"));
        String caption = ("One box per layer per point in time (up to four, spread over the run, first and last "
                + "included). " + ChartText.guide(d, group.metrics().size() == 1 ? group.metrics() : roles)).trim();
        return Optional.of(new Figure(group.id(), chart, Figure.WIDE, 420, caption));
    }

    /** Adds a box per layer and point in time with its quartiles recorded; returns how many. */
    private static int fill(DefaultBoxAndWhiskerCategoryDataset data, RunData d, List<Metric> roles,
                            Map<Integer, Series> means, Set<Integer> layers, List<Long> chosen) {
        int boxes = 0;
        for (long iteration : chosen) {
            for (int layer : layers) {
                Double[] q = new Double[roles.size()];
                for (int p = 0; p < q.length; p++) {
                    q[p] = ChartText.valueAt(d.series(roles.get(p).name(), layer).orElse(null), iteration);
                }
                if (q[1] == null || q[2] == null || q[3] == null) {
                    continue;
                }
                Double lo = q[0] != null ? q[0] : q[1];
                Double hi = q[4] != null ? q[4] : q[3];
                Double m = ChartText.valueAt(means.get(layer), iteration);
                data.add(new BoxAndWhiskerItem(m, q[2], q[1], q[3], lo, hi, lo, hi, List.of()), "iteration " + iteration,
                        d.layerName(layer));
                boxes++;
            }
        }
        return boxes;
    }

    private static JFreeChart chart(String title, String axis, DefaultBoxAndWhiskerCategoryDataset data, int times,
                                    boolean withMeans, String legend) {
        JFreeChart chart = ChartStyle.themed(ChartFactory.createBoxAndWhiskerChart(title, "layer", axis, data, times > 1));
        CategoryPlot plot = chart.getCategoryPlot();
        BoxAndWhiskerRenderer r = new BoxAndWhiskerRenderer();
        r.setMeanVisible(withMeans);
        r.setMedianVisible(true);
        r.setFillBox(true);
        r.setUseOutlinePaintForWhiskers(false);
        r.setItemMargin(0.08);
        r.setMaximumBarWidth(0.05);
        r.setWhiskerWidth(0.6);
        r.setDefaultOutlinePaint(new Color(0x333333));
        for (int i = 0; i < times; i++) {
            Color c = ChartKit.ramp(i, Math.max(2, times));
            r.setSeriesPaint(i, c);
            r.setSeriesOutlinePaint(i, c.darker());
        }
        plot.setRenderer(r);
        plot.setRangeAxis(ChartAxes.numberAxis(axis));
        plot.getDomainAxis().setCategoryMargin(0.15);
        ChartStyle.finish(chart, legend);
        return chart;
    }
}
