package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

/** How bad a finding is. Ordered from mild to severe. */
@StableApi(since = "0.1")
public enum Severity {
    /** Worth knowing; training is fine. */
    INFO,
    /** Training is impaired: slower, less accurate or wasting capacity. */
    WARNING,
    /** Training cannot succeed as configured (non-finite values, nothing learns). */
    CRITICAL
}
