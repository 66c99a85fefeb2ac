package io.trainscope.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

/**
 * How every chart of a report looks: the theme (fonts, colours, white background), the finishing
 * touches once a chart's renderers and axes are in place (subtitle, legend at the bottom, axis
 * fonts, minor grid lines on log axes), and strokes.
 */
final class ChartStyle {

    static {
        // charts are drawn off-screen: never open a display, even where DISPLAY is set
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final Color GRID = new Color(0xdddddd);
    static final Color TEXT = new Color(0x222222);
    static final Color MARKER = new Color(0x888888);
    static final String FONT = Font.SANS_SERIF;

    private static final StandardChartTheme THEME = theme();

    private ChartStyle() {
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
    static Stroke stroke(boolean dashed, float width) {
        return dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{6f, 4f}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
