package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

/** The value axis of a metric's chart. */
@StableApi(since = "0.1")
public enum Scale {
    /** Logarithmic when the positive values span at least two decades, linear otherwise. */
    AUTO,
    /** Always linear. */
    LINEAR,
    /** Always logarithmic; values that are not positive are left out (and counted in the caption). */
    LOG;

    /** The lower-case name used in the metric catalogue. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
