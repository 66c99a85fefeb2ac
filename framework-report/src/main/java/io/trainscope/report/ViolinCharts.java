package io.trainscope.report;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Metric;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A {@link Chart#VIOLIN} chart (seed 004's {@code sns.violinplot}): per layer, one violin at each
 * of up to four recorded points in time (first and last included), coloured from dark (early) to
 * light (late); inside each, a bar from the 25th to the 75th percentile and a dot at the median.
 * The value axis is linear, as the seed's: a layer whose values are orders of magnitude smaller
 * than the widest layer's is a flat line.
 */
final class ViolinCharts {

    private static final double SLOT = 0.8;

    private ViolinCharts() {
    }

    /** The violin chart of one metric, when it has histograms. */
    static Optional<Figure> figure(RunData d, Metric metric, String id) {
        Map<Integer, NavigableMap<Long, HistogramSnapshot>> byLayer = d.histogramsOverTime(metric.name());
        TreeSet<Long> all = new TreeSet<>();
        byLayer.values().forEach(m -> all.addAll(m.keySet()));
        if (all.isEmpty()) {
            return Optional.empty();
        }
        List<Long> chosen = ChartText.spread(new ArrayList<>(all), 4);
        List<Integer> layers = new ArrayList<>(byLayer.keySet());
        XYPlot plot = plot(d, layers, ChartText.axis(metric));
        XYSeriesCollection medians = new XYSeriesCollection();
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int t = 0; t < chosen.size(); t++) {
            long iteration = chosen.get(t);
            XYSeries series = new XYSeries(label(byLayer, iteration), false, true);
            Color color = ChartKit.ramp(t, Math.max(2, chosen.size()));
            for (int i = 0; i < layers.size(); i++) {
                HistogramSnapshot h = byLayer.get(layers.get(i)).get(iteration);
                ViolinShape shape = h == null ? null : ViolinShape.of(h.histogram());
                if (shape != null) {
                    double x = i + (t - (chosen.size() - 1) / 2.0) * SLOT / chosen.size();
                    draw(plot, shape, x, SLOT / chosen.size() * 0.48, color, range);
                    series.add(x, shape.median());
                }
            }
            medians.addSeries(series);
        }
        plot.setDataset(medians);
        double pad = (range[1] - range[0]) * 0.04 + (range[1] == range[0] ? 1e-12 : 0);
        plot.getRangeAxis().setRange(range[0] - pad, range[1] + pad);
        JFreeChart chart = ChartStyle.themed(new JFreeChart(ChartText.title(metric), plot));
        plot.setRenderer(medianDots(chosen.size()));                 // after the theme, which resets series colours
        ChartStyle.finish(chart, "violin: density of the recorded histogram; bar: 25th–75th percentile; dot: median");
        String caption = ("One violin per layer per point in time (up to four, spread over the run, first and last "
                + "included). " + ChartText.guide(d, List.of(metric))).trim();
        return Optional.of(new Figure(id, chart, Figure.WIDE, 420, caption));
    }

    private static String label(Map<Integer, NavigableMap<Long, HistogramSnapshot>> byLayer, long iteration) {
        for (NavigableMap<Long, HistogramSnapshot> m : byLayer.values()) {
            HistogramSnapshot h = m.get(iteration);
            if (h != null) {
                return "iteration " + iteration + " (epoch " + h.epoch() + ")";
            }
        }
        return "iteration " + iteration;
    }

    private static XYPlot plot(RunData d, List<Integer> layers, String axis) {
        String[] names = layers.stream().map(d::layerName).toArray(String[]::new);
        SymbolAxis domain = new SymbolAxis("layer", names);
        domain.setRange(-0.5, names.length - 0.5);
        domain.setGridBandsVisible(false);
        NumberAxis range = ChartAxes.numberAxis(axis);
        range.setAutoRange(false);
        XYPlot plot = new XYPlot(null, domain, range, null);
        plot.setDomainGridlinesVisible(false);
        return plot;
    }

    /** Adds one violin centred at {@code x} with half-width {@code half} and its quartile bar. */
    private static void draw(XYPlot plot, ViolinShape s, double x, double half, Color color, double[] range) {
        int n = s.y().length;
        double[] outline = new double[4 * n];
        for (int k = 0; k < n; k++) {
            outline[2 * k] = x + half * s.width()[k];
            outline[2 * k + 1] = s.y()[k];
            outline[4 * n - 2 * k - 2] = x - half * s.width()[k];
            outline[4 * n - 2 * k - 1] = s.y()[k];
        }
        Color fill = new Color(color.getRed(), color.getGreen(), color.getBlue(), 170);
        plot.addAnnotation(new XYPolygonAnnotation(outline, new BasicStroke(0.8f), color.darker(), fill), false);
        plot.addAnnotation(new XYLineAnnotation(x, s.q1(), x, s.q3(), new BasicStroke(3f), new Color(0x333333)), false);
        range[0] = Math.min(range[0], s.y()[0]);
        range[1] = Math.max(range[1], s.y()[n - 1]);
    }

    private static XYLineAndShapeRenderer medianDots(int times) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int t = 0; t < times; t++) {
            r.setSeriesShape(t, new Ellipse2D.Double(-3, -3, 6, 6));
            r.setSeriesPaint(t, ChartKit.ramp(t, Math.max(2, times)));
            r.setSeriesOutlinePaint(t, Color.WHITE);
        }
        r.setUseOutlinePaint(true);
        r.setDrawOutlines(true);
        return r;
    }
}
