package io.trainscope.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's chart vocabulary on JFreeChart: one theme, two palettes, and builders for the
 * few chart shapes the report uses (lines over a numeric axis, lines or bars over categories),
 * each with an optional log value axis that drops the values a log axis cannot show.
 */
final class ChartKit {

    /** Matplotlib's tab10, for runs and for the seed-000 histogram layers (the seed's colours). */
    static final Color[] TAB10 = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private static final Color[] VIRIDIS = {
            new Color(0x440154), new Color(0x3b528b), new Color(0x21918c), new Color(0x5ec962), new Color(0xfde725)};

    private ChartKit() {
    }

    /** One line of an XY chart: a name and its points, drawn solid or dashed, with or without markers. */
    record Line(String name, double[] x, double[] y, Color color, boolean dashed, boolean shapes) {
    }

    /** One row of a category chart: a name, its value per category (null = missing) and a colour. */
    record Row(String name, List<String> categories, List<Double> values, Color color, boolean dashed) {
    }

    /** Colour {@code i} of {@code n} on a dark-to-light ramp (viridis, stopping short of its pale yellow). */
    static Color ramp(int i, int n) {
        double t = n <= 1 ? 0 : 0.85 * i / (n - 1);
        double pos = t * (VIRIDIS.length - 1);
        int a = (int) Math.floor(pos);
        int b = Math.min(VIRIDIS.length - 1, a + 1);
        double f = pos - a;
        Color ca = VIRIDIS[a];
        Color cb = VIRIDIS[b];
        return new Color((int) Math.round(ca.getRed() + f * (cb.getRed() - ca.getRed())),
                (int) Math.round(ca.getGreen() + f * (cb.getGreen() - ca.getGreen())),
                (int) Math.round(ca.getBlue() + f * (cb.getBlue() - ca.getBlue())));
    }

    /** Colour {@code i} of tab10, cycling. */
    static Color tab(int i) {
        return TAB10[Math.floorMod(i, TAB10.length)];
    }

    /** Whether positive values spanning at least two orders of magnitude call for a log axis. */
    static boolean wantsLog(double min, double max) {
        return min > 0 && max / min >= 100;
    }

    /**
     * Lines over a numeric x axis. With {@code log}, values that are not positive and finite are
     * dropped (a log axis cannot place them) and {@link #dropped} counts them.
     */
    static JFreeChart xyLines(String title, String subtitle, String xLabel, String yLabel, List<Line> lines, boolean log,
                              boolean integerX, int[] dropped, double... include) {
        List<Line> kept = new ArrayList<>();
        XYSeriesCollection data = series(lines, log, dropped, kept);
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                kept.size() > 1, false, false);
        ChartStyle.themed(chart);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(lineRenderer(kept));
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        if (integerX) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        plot.setDomainAxis(x);
        double[] range = ChartAxes.include(ChartAxes.positiveRange(kept), include);
        plot.setRangeAxis(log ? ChartAxes.logAxis(yLabel, range[0], range[1]) : ChartAxes.numberAxis(yLabel));
        ChartStyle.finish(chart, subtitle);
        return chart;
    }

    /** The lines' drawable points as series; lines with none are left out of {@code kept}. */
    private static XYSeriesCollection series(List<Line> lines, boolean log, int[] dropped, List<Line> kept) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line l : lines) {
            XYSeries s = new XYSeries(l.name(), false, true);
            for (int i = 0; i < l.x().length; i++) {
                double v = l.y()[i];
                if (!Double.isFinite(v) || (log && v <= 0)) {
                    if (dropped != null) {
                        dropped[0]++;
                    }
                    continue;
                }
                s.add(l.x()[i], v, false);
            }
            if (s.getItemCount() > 0) {
                data.addSeries(s);
                kept.add(l);
            }
        }
        return data;
    }

    private static XYLineAndShapeRenderer lineRenderer(List<Line> kept) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < kept.size(); i++) {
            Line l = kept.get(i);
            r.setSeriesPaint(i, l.color());
            r.setSeriesStroke(i, ChartStyle.stroke(l.dashed(), 1.8f));
            r.setSeriesShapesVisible(i, l.shapes());
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        return r;
    }

    /** Values per category as points joined by lines (the category axis is usually layers). */
    static JFreeChart categoryLines(String title, String subtitle, String categoryLabel, String valueLabel, List<Row> rows,
                                    boolean log, int[] dropped, double... include) {
        DefaultCategoryDataset data = dataset(rows, log, dropped);
        JFreeChart chart = ChartFactory.createLineChart(title, categoryLabel, valueLabel, data, PlotOrientation.VERTICAL,
                rows.size() > 1, false, false);
        ChartStyle.themed(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < rows.size(); i++) {
            r.setSeriesPaint(i, rows.get(i).color());
            r.setSeriesStroke(i, ChartStyle.stroke(rows.get(i).dashed(), 1.8f));
            r.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        plot.setRenderer(r);
        double[] range = ChartAxes.include(ChartAxes.positiveRows(rows), include);
        plot.setRangeAxis(log ? ChartAxes.logAxis(valueLabel, range[0], range[1]) : ChartAxes.numberAxis(valueLabel));
        ChartAxes.categoryAxis(plot, rows);
        ChartStyle.finish(chart, subtitle);
        return chart;
    }

    /** Values per category as grouped bars from zero. */
    static JFreeChart categoryBars(String title, String subtitle, String categoryLabel, String valueLabel, List<Row> rows) {
        DefaultCategoryDataset data = dataset(rows, false, null);
        JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, data, PlotOrientation.VERTICAL,
                rows.size() > 1, false, false);
        ChartStyle.themed(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setMaximumBarWidth(0.08);
        for (int i = 0; i < rows.size(); i++) {
            r.setSeriesPaint(i, rows.get(i).color());
        }
        plot.setRenderer(r);
        NumberAxis y = ChartAxes.numberAxis(valueLabel);
        y.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(y);
        ChartAxes.categoryAxis(plot, rows);
        ChartStyle.finish(chart, subtitle);
        return chart;
    }

    private static DefaultCategoryDataset dataset(List<Row> rows, boolean log, int[] dropped) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Row row : rows) {
            for (int i = 0; i < row.categories().size(); i++) {
                Double v = row.values().get(i);
                if (v != null && (!Double.isFinite(v) || (log && v <= 0))) {
                    if (dropped != null) {
                        dropped[0]++;
                    }
                    v = null;
                }
                data.addValue(v, row.name(), row.categories().get(i));
            }
        }
        return data;
    }

    /** A dashed horizontal reference line with a label. */
    static ValueMarker marker(double value, String label) {
        ValueMarker m = new ValueMarker(value, ChartStyle.MARKER, ChartStyle.stroke(true, 1.2f));
        m.setLabel(label);
        m.setLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 11));
        m.setLabelPaint(new Color(0x555555));
        m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(2, 6, 2, 2));
        return m;
    }

}
