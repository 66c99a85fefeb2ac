package io.trainscope.report;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Scale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Chart#LINE} chart: network-wide metrics over iterations, one line each. A series too
 * long to draw point by point is drawn as its bucket means with each bucket's min-max range
 * shaded (the batch loss's noise stays visible); a short one with point markers.
 */
final class LineCharts {

    private LineCharts() {
    }

    /** The chart of a group's metrics that have data, if any. */
    static Optional<Figure> figure(RunData d, ReportPlan.Group group) {
        List<Metric> metrics = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        for (Metric m : group.metrics()) {
            d.series(m.name()).ifPresent(s -> {
                metrics.add(m);
                series.add(s);
            });
        }
        if (series.isEmpty()) {
            return Optional.empty();
        }
        Drawing drawing = metrics.get(0).drawing();
        double[] range = range(series, false);
        boolean log = drawing.scale() == Scale.LOG || (drawing.scale() == Scale.AUTO && ChartKit.wantsLog(range[0], range[1]));
        if (log) {
            range = range(series, true);
        }
        int[] dropped = {0};
        JFreeChart chart = chart(group.title(), ChartText.axis(metrics.get(0)), metrics, series, log, dropped);
        XYPlot plot = chart.getXYPlot();
        double[] axisRange = drawing.hasReference() ? ChartAxes.include(range, drawing.reference()) : range;
        plot.setRangeAxis(log ? ChartAxes.logAxis(ChartText.axis(metrics.get(0)), axisRange[0], axisRange[1])
                : ChartAxes.numberAxis(ChartText.axis(metrics.get(0))));
        if (drawing.hasReference()) {
            plot.addRangeMarker(ChartKit.marker(drawing.reference(), Html.number(drawing.reference())));
        }
        ChartStyle.finish(chart, null);
        String caption = caption(d, metrics, series, dropped[0], log);
        boolean banded = series.stream().anyMatch(Series::downsampled);
        return Optional.of(new Figure(group.id(), chart, Figure.WIDE, banded ? Figure.TALL : 340, caption));
    }

    private static JFreeChart chart(String title, String axis, List<Metric> metrics, List<Series> series, boolean log,
                                    int[] dropped) {
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        XYSeriesCollection lines = new XYSeriesCollection();
        DeviationRenderer band = new DeviationRenderer(true, false);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            Color color = ChartKit.tab(i);
            String name = ChartText.label(metrics.get(i));
            if (s.downsampled()) {
                int k = bands.getSeriesCount();
                bands.addSeries(band(name, s, log, dropped));
                band.setSeriesPaint(k, color);
                band.setSeriesFillPaint(k, new Color(color.getRed(), color.getGreen(), color.getBlue(), 60));
                band.setSeriesStroke(k, ChartStyle.stroke(false, 1.4f));
            } else {
                int k = lines.getSeriesCount();
                lines.addSeries(xy(name, s, log, dropped));
                line.setSeriesPaint(k, color);
                line.setSeriesStroke(k, ChartStyle.stroke(false, 2f));
                line.setSeriesShapesVisible(k, s.points().size() <= ChartText.SHAPES_UP_TO);
                line.setSeriesShape(k, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            }
        }
        band.setAlpha(0.25f);
        JFreeChart chart = ChartStyle.themed(ChartFactory.createXYLineChart(title, "iteration", axis, bands,
                PlotOrientation.VERTICAL, series.size() > 1, false, false));
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(0, band);
        plot.setDataset(1, lines);
        plot.setRenderer(1, line);
        NumberAxis x = new NumberAxis("iteration");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        plot.setDomainAxis(x);
        return chart;
    }

    private static YIntervalSeries band(String name, Series s, boolean log, int[] dropped) {
        YIntervalSeries out = new YIntervalSeries(name, false, true);
        for (Series.Point p : s.points()) {
            if (log && p.min() <= 0) {
                dropped[0]++;
                continue;
            }
            out.add(p.iteration(), p.value(), p.min(), p.max());
        }
        dropped[0] += (int) s.nonFinite();
        return out;
    }

    private static XYSeries xy(String name, Series s, boolean log, int[] dropped) {
        XYSeries out = new XYSeries(name, false, true);
        for (Series.Point p : s.points()) {
            if (log && p.value() <= 0) {
                dropped[0]++;
                continue;
            }
            out.add(p.iteration(), p.value(), false);
        }
        dropped[0] += (int) s.nonFinite();
        return out;
    }

    /** The smallest and largest value over the series' buckets ({@code positive}: of the positive ones). */
    private static double[] range(List<Series> series, boolean positive) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (Series.Point p : s.points()) {
                for (double v : new double[]{p.min(), p.max()}) {
                    if (!positive || v > 0) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
        }
        return min > max ? new double[]{Double.NaN, Double.NaN} : new double[]{min, max};
    }

    private static String caption(RunData d, List<Metric> metrics, List<Series> series, int dropped, boolean log) {
        StringBuilder caption = new StringBuilder(ChartText.guide(d, metrics));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String label = ChartText.label(metrics.get(i));
            if (s.downsampled()) {
                caption.append(caption.length() == 0 ? "" : " ").append(label).append(": ").append(s.count())
                        .append(" values, drawn as ").append(s.points().size()).append(" bucket means (")
                        .append(s.bucketWidth()).append(" iterations each) with each bucket's min–max shaded.");
            }
            if (metrics.get(i).drawing().headline() && s.first() != null) {
                caption.append(caption.length() == 0 ? "" : " ").append("At iteration ").append(s.first().iteration())
                        .append(": ").append(Html.number(s.first().value())).append('.');
            }
        }
        ChartText.note(caption, dropped, log);
        return caption.toString();
    }
}
