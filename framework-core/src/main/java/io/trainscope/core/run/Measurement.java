package io.trainscope.core.run;

import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.Metric;

/**
 * One recorded value: a line of {@code metrics.jsonl} (schema in {@code docs/metrics.md}).
 *
 * @param run       the run id (the run folder's name)
 * @param iteration the iteration, from 0
 * @param epoch     the epoch, from 0
 * @param monitor   who recorded it (a monitor name, or {@code trainer})
 * @param layer     the logical layer index, or null for network-wide values
 * @param layerName the layer's name ({@code hidden-0}, {@code output}), or null
 * @param metric    what was measured
 * @param value     the value; NaN when this is a histogram
 * @param histogram the distribution, or null for a scalar
 */
public record Measurement(String run, long iteration, int epoch, String monitor, Integer layer, String layerName,
                          Metric metric, double value, Histogram histogram) {

    /** Whether this measurement is a distribution rather than a scalar. */
    public boolean isHistogram() {
        return histogram != null;
    }
}
