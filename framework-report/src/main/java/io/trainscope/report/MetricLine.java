package io.trainscope.report;

import io.trainscope.api.monitor.Histogram;

/**
 * One line of {@code metrics.jsonl} as read back (schema in {@code docs/metrics.md}).
 *
 * @param run       the run id; may be null in hand-written files
 * @param iteration the iteration, from 0
 * @param epoch     the epoch, from 0
 * @param monitor   who recorded it (a monitor name, or {@code trainer}); may be null
 * @param layer     the layer index, or null for a network-wide value
 * @param layerName the layer's name ({@code hidden-0}, {@code output}), or null
 * @param metric    the metric name, e.g. {@code layer.gradient.norm}; never null
 * @param unit      the unit, or null
 * @param value     the value ({@code NaN}, {@code ±Infinity} included); NaN for a histogram
 * @param histogram the distribution, or null for a scalar
 */
public record MetricLine(String run, long iteration, int epoch, String monitor, Integer layer, String layerName,
                         String metric, String unit, double value, Histogram histogram) {

    /** Whether this line carries a distribution rather than a scalar. */
    public boolean isHistogram() {
        return histogram != null;
    }
}
