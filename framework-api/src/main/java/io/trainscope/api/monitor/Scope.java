package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

/** Whether a metric has one value per layer or one for the whole network. */
@StableApi(since = "0.1")
public enum Scope {
    /** One value for the whole network: recorded with {@link MonitorContext#record(Metric, double)}. */
    NETWORK,
    /** One value (or histogram) per layer: recorded with a layer index. */
    LAYER;

    /** The lower-case name used in the metric catalogue. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
