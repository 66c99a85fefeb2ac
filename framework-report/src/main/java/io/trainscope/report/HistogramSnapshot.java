package io.trainscope.report;

import io.trainscope.api.monitor.Histogram;

/**
 * A layer's distribution of one quantity at one iteration, as the report keeps it.
 *
 * @param metric    the metric, e.g. {@code layer.activation.histogram}
 * @param layer     the layer index, or null for a network-wide distribution
 * @param iteration the iteration it was recorded at
 * @param epoch     the epoch it was recorded in
 * @param histogram the bins
 */
public record HistogramSnapshot(String metric, Integer layer, long iteration, int epoch, Histogram histogram) {
}
