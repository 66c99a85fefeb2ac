package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

/**
 * How a report draws a metric: a small closed set of chart kinds, each for one shape of data. A
 * report picks the chart by this kind and never by the metric's name, so a third-party monitor's
 * metric is drawn like a standard one. The full rules are in {@code docs/metrics.md}.
 *
 * <p>Metrics of one report section whose {@link Drawing#title() titles} are equal share one chart
 * when their kind combines ({@link #LINE}, {@link #LAYER_PROFILE}, {@link #BOX}); every other
 * kind gets a chart (or a table row) per metric.
 */
@StableApi(since = "0.1")
public enum Chart {
    /** Not drawn; listed in the report's table of all metrics. Any scope. */
    NONE(null),
    /**
     * A single number (the first value) in a table of the section, with its expected value and
     * their ratio when {@link Drawing#against()} names one. Network scope.
     */
    VALUE(Scope.NETWORK),
    /**
     * A value over iterations, one line per metric; a series too long to draw point by point
     * shows each bucket's min-max range. Network scope.
     */
    LINE(Scope.NETWORK),
    /** A per-layer value over iterations, one line per layer from the input (dark) to the output (light). Layer scope. */
    LAYER_LINES(Scope.LAYER),
    /**
     * A per-layer value as bars at the first and at the last measurement; a metric that is 0
     * everywhere is one sentence instead. Layer scope.
     */
    LAYER_BARS(Scope.LAYER),
    /** A per-layer value as a line across the layers, at the first measurement (solid) and the last (dashed). Layer scope. */
    LAYER_PROFILE(Scope.LAYER),
    /**
     * A per-layer distribution ({@link Histogram} values): densities of a few layers at the first
     * and the last record. Layer scope.
     */
    HISTOGRAM(Scope.LAYER),
    /**
     * One quantile (or the mean) of a per-layer distribution; the metrics of one title form box
     * plots per layer at up to four points in time. Layer scope.
     */
    BOX(Scope.LAYER),
    /**
     * A per-layer distribution ({@link Histogram} values) as violins (seed 004's figures): per layer,
     * one violin at each of up to four points in time spread over the run (first and last
     * included), its width the density of the recorded histogram, with the median and the
     * quartiles marked. Layer scope.
     */
    VIOLIN(Scope.LAYER);

    private final Scope scope;

    Chart(Scope scope) {
        this.scope = scope;
    }

    /** The scope a metric drawn this way must have, or null when any scope will do. */
    public Scope scope() {
        return scope;
    }

    /** The lower-case hyphenated name used in the metric catalogue ({@code layer-lines}). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The kind with catalogue name {@code id}, or {@link #NONE} for a name this version does not know. */
    public static Chart byId(String id) {
        for (Chart c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return NONE;
    }
}
