package io.trainscope.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's chart vocabulary on JFreeChart: one theme, two palettes, and builders for the
 * few chart shapes the report uses (lines over a numeric axis, lines or bars over categories),
 * each with an optional log value axis that drops the values a log axis cannot show.
 */
final class ChartKit {

    static {
        // charts are drawn off-screen: never open a display, even where DISPLAY is set
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Matplotlib's tab10, for runs and for the seed-000 histogram layers (the seed's colours). */
    static final Color[] TAB10 = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private static final Color[] VIRIDIS = {
            new Color(0x440154), new Color(0x3b528b), new Color(0x21918c), new Color(0x5ec962), new Color(0xfde725)};

    static final Color GRID = new Color(0xdddddd);
    static final Color TEXT = new Color(0x222222);
    static final Color MARKER = new Color(0x888888);
    static final String FONT = Font.SANS_SERIF;

    private static final StandardChartTheme THEME = theme();

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
        XYSeriesCollection data = new XYSeriesCollection();
        List<Line> kept = new ArrayList<>();
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
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                kept.size() > 1, false, false);
        themed(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < kept.size(); i++) {
            Line l = kept.get(i);
            r.setSeriesPaint(i, l.color());
            r.setSeriesStroke(i, stroke(l.dashed(), 1.8f));
            r.setSeriesShapesVisible(i, l.shapes());
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        plot.setRenderer(r);
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        if (integerX) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        plot.setDomainAxis(x);
        double[] range = include(positiveRange(kept), include);
        plot.setRangeAxis(log ? logAxis(yLabel, range[0], range[1]) : numberAxis(yLabel));
        finish(chart, subtitle);
        return chart;
    }

    /** Values per category as points joined by lines (the category axis is usually layers). */
    static JFreeChart categoryLines(String title, String subtitle, String categoryLabel, String valueLabel, List<Row> rows,
                                    boolean log, int[] dropped, double... include) {
        DefaultCategoryDataset data = dataset(rows, log, dropped);
        JFreeChart chart = ChartFactory.createLineChart(title, categoryLabel, valueLabel, data, PlotOrientation.VERTICAL,
                rows.size() > 1, false, false);
        themed(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < rows.size(); i++) {
            r.setSeriesPaint(i, rows.get(i).color());
            r.setSeriesStroke(i, stroke(rows.get(i).dashed(), 1.8f));
            r.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        plot.setRenderer(r);
        double[] range = include(positiveRows(rows), include);
        plot.setRangeAxis(log ? logAxis(valueLabel, range[0], range[1]) : numberAxis(valueLabel));
        categoryAxis(plot, rows);
        finish(chart, subtitle);
        return chart;
    }

    /** Values per category as grouped bars from zero. */
    static JFreeChart categoryBars(String title, String subtitle, String categoryLabel, String valueLabel, List<Row> rows) {
        DefaultCategoryDataset data = dataset(rows, false, null);
        JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, data, PlotOrientation.VERTICAL,
                rows.size() > 1, false, false);
        themed(chart);
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
        NumberAxis y = numberAxis(valueLabel);
        y.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(y);
        categoryAxis(plot, rows);
        finish(chart, subtitle);
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

    private static void categoryAxis(CategoryPlot plot, List<Row> rows) {
        CategoryAxis axis = plot.getDomainAxis();
        int categories = rows.isEmpty() ? 0 : rows.get(0).categories().size();
        if (categories > 12) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        axis.setCategoryMargin(0.15);
        axis.setLowerMargin(0.02);
        axis.setUpperMargin(0.02);
    }

    /**
     * A log10 value axis over whole decades covering {@code [min, max]} (positive values), with
     * a labelled tick per decade (every few decades on a very wide range), minor ticks at 2..9
     * times each power of ten, and labels written as powers of ten.
     */
    static LogAxis logAxis(String label, double min, double max) {
        LogAxis axis = new LogAxis(label + " (log scale)");
        axis.setBase(10);
        axis.setBaseSymbol("10");
        axis.setSmallestValue(1e-300);
        if (!(min > 0) || !(max > 0) || !Double.isFinite(min) || !Double.isFinite(max)) {
            min = 0.1;
            max = 10;
        }
        int low = (int) Math.floor(Math.log10(min) + 1e-9);
        int high = (int) Math.ceil(Math.log10(max) - 1e-9);
        if (high <= low) {
            high = low + 1;
        }
        int decades = high - low;
        int step = decades <= 8 ? 1 : decades <= 16 ? 2 : decades <= 40 ? 5 : (int) Math.ceil(decades / 8.0);
        low = Math.floorDiv(low, step) * step;
        high = -Math.floorDiv(-high, step) * step;
        axis.setAutoRange(false);
        // a hair wider than the decades: log10(0.01) is -1.9999999999999996, which would drop the bottom tick
        axis.setRange(Math.pow(10, low) * (1 - 1e-9), Math.pow(10, high) * (1 + 1e-9));
        axis.setAutoTickUnitSelection(false);
        axis.setTickUnit(new NumberTickUnit(step, new DecimalFormat("0",
                DecimalFormatSymbols.getInstance(Locale.ROOT)), step == 1 ? 10 : 0), false, false);
        axis.setMinorTickMarksVisible(step == 1);
        return axis;
    }

    /** The smallest and largest positive finite y of some lines ({@code [NaN, NaN]} when none). */
    static double[] positiveRange(List<Line> lines) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (double v : l.y()) {
                if (v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min > max ? new double[]{Double.NaN, Double.NaN} : new double[]{min, max};
    }

    /** Widens a positive range to take in reference values (a marker at 1 should be on the chart). */
    static double[] include(double[] range, double... values) {
        double min = range[0];
        double max = range[1];
        for (double v : values) {
            if (v > 0) {
                min = Double.isNaN(min) ? v : Math.min(min, v);
                max = Double.isNaN(max) ? v : Math.max(max, v);
            }
        }
        return new double[]{min, max};
    }

    private static double[] positiveRows(List<Row> rows) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Row r : rows) {
            for (Double v : r.values()) {
                if (v != null && v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min > max ? new double[]{Double.NaN, Double.NaN} : new double[]{min, max};
    }

    /** A linear value axis that fits the data rather than forcing zero in. */
    static NumberAxis numberAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** A dashed horizontal reference line with a label. */
    static ValueMarker marker(double value, String label) {
        ValueMarker m = new ValueMarker(value, MARKER, stroke(true, 1.2f));
        m.setLabel(label);
        m.setLabelFont(new Font(FONT, Font.PLAIN, 11));
        m.setLabelPaint(new Color(0x555555));
        m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(2, 6, 2, 2));
        return m;
    }

    static Stroke stroke(boolean dashed, float width) {
        return dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{6f, 4f}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /**
     * Applies the theme to a chart fresh from {@link ChartFactory}: call it before setting series
     * paints, which the theme would otherwise clear.
     */
    static JFreeChart themed(JFreeChart chart) {
        THEME.apply(chart);
        return chart;
    }

    /** Styles axes, the legend and adds the subtitle, once renderers and axes are in place. */
    static void finish(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 10));
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle t = new TextTitle(subtitle, new Font(FONT, Font.PLAIN, 12));
            t.setPaint(new Color(0x555555));
            chart.addSubtitle(0, t);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(new Font(FONT, Font.PLAIN, 12));
        }
        if (chart.getPlot() instanceof XYPlot p) {
            p.setDomainPannable(false);
            if (p.getRangeAxis() instanceof LogAxis) {
                p.setRangeMinorGridlinesVisible(true);
                p.setRangeMinorGridlinePaint(new Color(0xf0f0f0));
                p.setRangeMinorGridlineStroke(new BasicStroke(0.6f));
            }
            style(p.getDomainAxis());
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                style(p.getRangeAxis(i));
            }
        } else if (chart.getPlot() instanceof CategoryPlot p) {
            style(p.getRangeAxis());
            if (p.getRangeAxis() instanceof LogAxis) {
                p.setRangeMinorGridlinesVisible(true);
                p.setRangeMinorGridlinePaint(new Color(0xf0f0f0));
                p.setRangeMinorGridlineStroke(new BasicStroke(0.6f));
            }
            p.getDomainAxis().setLabelFont(new Font(FONT, Font.PLAIN, 13));
            p.getDomainAxis().setTickLabelFont(new Font(FONT, Font.PLAIN, 11));
        }
    }

    private static void style(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(new Font(FONT, Font.PLAIN, 13));
        axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
        axis.setLabelPaint(TEXT);
        axis.setTickLabelPaint(TEXT);
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("trainscope", false);
        t.setExtraLargeFont(new Font(FONT, Font.BOLD, 15));
        t.setLargeFont(new Font(FONT, Font.PLAIN, 13));
        t.setRegularFont(new Font(FONT, Font.PLAIN, 12));
        t.setSmallFont(new Font(FONT, Font.PLAIN, 11));
        t.setTitlePaint(TEXT);
        t.setSubtitlePaint(new Color(0x555555));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setLegendItemPaint(TEXT);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(new Color(0xaaaaaa));
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setAxisLabelPaint(TEXT);
        t.setTickLabelPaint(TEXT);
        t.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        t.setShadowVisible(false);
        t.setBarPainter(new StandardBarPainter());
        t.setXYBarPainter(new StandardXYBarPainter());
        return t;
    }
}
