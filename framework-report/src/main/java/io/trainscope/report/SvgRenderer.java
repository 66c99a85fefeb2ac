package io.trainscope.report;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.Rectangle;
import java.awt.RenderingHints;

/**
 * Draws a JFreeChart into an inline {@code <svg>} element with JFreeSVG. Each chart gets its own
 * prefix for {@code <defs>} ids (clip paths), so many charts can share one HTML page, and
 * coordinates are written with one decimal, which keeps the file small without a visible
 * difference at screen resolution.
 */
final class SvgRenderer {

    private SvgRenderer() {
    }

    /** The chart as an {@code <svg>} element of the figure's size, scalable through its view box. */
    static String render(Figure figure, String prefix) {
        SVGGraphics2D g2 = new SVGGraphics2D(figure.width(), figure.height());
        g2.setDefsKeyPrefix(prefix);
        g2.setGeomDoubleConverter(SvgRenderer::oneDecimal);
        g2.setTransformDoubleConverter(SvgRenderer::threeDecimals);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        JFreeChart chart = figure.chart();
        chart.draw(g2, new Rectangle(0, 0, figure.width(), figure.height()));
        String svg = g2.getSVGElement(prefix + "svg", true, new ViewBox(0, 0, figure.width(), figure.height()), null, null);
        g2.dispose();
        // JFreeSVG declares its own namespace; nothing in the element uses it
        svg = svg.replace(" xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg'", "");
        // most elements carry a clip to the whole chart, which the svg element's own bounds already are
        String whole = "<clipPath id='" + prefix + "clip-0'><path d='M0,0L" + figure.width() + ",0L" + figure.width() + ","
                + figure.height() + "L0," + figure.height() + "L0,0Z'/></clipPath>";
        if (svg.contains(whole)) {
            svg = svg.replace(" clip-path='url(#" + prefix + "clip-0)'", "");
        }
        return svg;
    }

    static String oneDecimal(double v) {
        return round(v, 10);
    }

    static String threeDecimals(double v) {
        return round(v, 1000);
    }

    private static String round(double v, long scale) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long r = Math.round(v * scale);
        if (r % scale == 0) {
            return Long.toString(r / scale);
        }
        StringBuilder sb = new StringBuilder();
        if (r < 0) {
            sb.append('-');
            r = -r;
        }
        sb.append(r / scale).append('.');
        String frac = Long.toString(r % scale);
        int digits = Long.toString(scale).length() - 1;
        for (int i = frac.length(); i < digits; i++) {
            sb.append('0');
        }
        int end = frac.length();
        while (end > 0 && frac.charAt(end - 1) == '0') {
            end--;
        }
        sb.append(frac, 0, end);
        return sb.toString();
    }
}
