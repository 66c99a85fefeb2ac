package io.trainscope.report;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * The value and category axes of the report's charts: log10 axes over whole decades, linear axes
 * that fit the data, the positive range of what is drawn, and category axes that stay legible.
 */
final class ChartAxes {

    private ChartAxes() {
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

    /** A linear value axis that fits the data rather than forcing zero in. */
    static NumberAxis numberAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** The smallest and largest positive finite y of some lines ({@code [NaN, NaN]} when none). */
    static double[] positiveRange(List<ChartKit.Line> lines) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartKit.Line l : lines) {
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

    static double[] positiveRows(List<ChartKit.Row> rows) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartKit.Row r : rows) {
            for (Double v : r.values()) {
                if (v != null && v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min > max ? new double[]{Double.NaN, Double.NaN} : new double[]{min, max};
    }

    static void categoryAxis(CategoryPlot plot, List<ChartKit.Row> rows) {
        CategoryAxis axis = plot.getDomainAxis();
        int categories = rows.isEmpty() ? 0 : rows.get(0).categories().size();
        if (categories > 12) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        axis.setCategoryMargin(0.15);
        axis.setLowerMargin(0.02);
        axis.setUpperMargin(0.02);
    }
}
