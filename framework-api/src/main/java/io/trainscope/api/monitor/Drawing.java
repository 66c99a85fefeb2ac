package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

import java.util.Objects;

/**
 * How a report draws a metric: the {@link Chart} kind, where it goes and how it is labelled.
 * Start from {@link #of(Chart)} and refine; every refinement is optional and returns a copy.
 *
 * <pre>{@code
 * Drawing.of(Chart.LAYER_LINES).in("Initialization and gradients").titled("Weight-gradient norm per layer")
 *         .axis("L2 norm of dL/dW").scale(Scale.LOG).guide("Lines far apart mean gradients shrink or grow.")
 * }</pre>
 *
 * @param chart     the kind of chart
 * @param section   the report section the chart goes in; null: a section named after the monitor.
 *                  Sections appear in the order of their first metric in the run's catalogue
 * @param title     the chart's title; metrics of one section with equal titles share a chart when
 *                  their kind combines (see {@link Chart}); null: the metric's name
 * @param label     the metric's name in legends and tables; null: the metric's name
 * @param axis      the value-axis label (for {@link Chart#HISTOGRAM}, the x axis); null: the unit
 * @param scale     the value axis
 * @param reference a value marked on the value axis (1 for a ratio that should stay near 1); NaN: none
 * @param guide     how to read the chart, shown as its caption; {@value #ACTIVATIONS} in it is
 *                  replaced by the run's activation functions and their flat regions; null: the
 *                  metric's description
 * @param quantile  for {@link Chart#BOX}: the quantile level in (0, 1) the metric holds, NaN for
 *                  the distribution's mean; ignored otherwise
 * @param against   for {@link Chart#VALUE}: the name of another metric of the monitor holding this
 *                  one's expected value (the table shows both and their ratio); null: none
 * @param headline  whether run comparisons show the metric: the first value of a network metric
 *                  as a row of the comparison table (and a {@link Chart#LINE} overlaid per run), the
 *                  first per-layer values of a layer metric as a line per run
 */
@StableApi(since = "0.1")
public record Drawing(Chart chart, String section, String title, String label, String axis, Scale scale,
                      double reference, String guide, double quantile, String against, boolean headline) {

    /** The placeholder a guide may contain for the run's activations and their flat regions. */
    public static final String ACTIVATIONS = "{activations}";

    /** Not drawn: the metric is only listed in the report's table of all metrics. */
    public static final Drawing NONE = of(Chart.NONE);

    public Drawing {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(scale, "scale");
        section = blankToNull(section);
        title = blankToNull(title);
        label = blankToNull(label);
        axis = blankToNull(axis);
        guide = blankToNull(guide);
        against = blankToNull(against);
        if (!Double.isNaN(quantile) && !(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("a quantile level must lie in (0, 1), got " + quantile);
        }
    }

    /** A drawing of the given kind with every refinement at its default. */
    public static Drawing of(Chart chart) {
        return new Drawing(chart, null, null, null, null, Scale.AUTO, Double.NaN, null, Double.NaN, null, false);
    }

    /** In the report section titled {@code section}. */
    public Drawing in(String section) {
        return new Drawing(chart, section, title, label, axis, scale, reference, guide, quantile, against, headline);
    }

    /** With the chart title {@code title}. */
    public Drawing titled(String title) {
        return new Drawing(chart, section, title, label, axis, scale, reference, guide, quantile, against, headline);
    }

    /** Named {@code label} in legends and tables. */
    public Drawing labelled(String label) {
        return new Drawing(chart, section, title, label, axis, scale, reference, guide, quantile, against, headline);
    }

    /** With the value-axis label {@code axis}. */
    public Drawing axis(String axis) {
        return new Drawing(chart, section, title, label, axis, scale, reference, guide, quantile, against, headline);
    }

    /** On the given value axis. */
    public Drawing scale(Scale scale) {
        return new Drawing(chart, section, title, label, axis, scale, reference, guide, quantile, against, headline);
    }

    /** With a reference line at {@code value}. */
    public Drawing reference(double value) {
        return new Drawing(chart, section, title, label, axis, scale, value, guide, quantile, against, headline);
    }

    /** With the caption {@code guide}. */
    public Drawing guide(String guide) {
        return new Drawing(chart, section, title, label, axis, scale, reference, guide, quantile, against, headline);
    }

    /** Holding the quantile {@code level} of a {@link Chart#BOX} distribution (NaN: its mean). */
    public Drawing quantile(double level) {
        return new Drawing(chart, section, title, label, axis, scale, reference, guide, level, against, headline);
    }

    /** Shown against the expected value held by the metric named {@code expected}. */
    public Drawing against(String expected) {
        return new Drawing(chart, section, title, label, axis, scale, reference, guide, quantile, expected, headline);
    }

    /** Shown when runs are compared (sets {@link #headline()}). */
    public Drawing inComparisons() {
        return new Drawing(chart, section, title, label, axis, scale, reference, guide, quantile, against, true);
    }

    /** Whether a reference line is declared. */
    public boolean hasReference() {
        return !Double.isNaN(reference);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
