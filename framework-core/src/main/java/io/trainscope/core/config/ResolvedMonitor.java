package io.trainscope.core.config;

import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.plugin.Configured;

import java.util.List;

/**
 * A configured monitor with its schedule and declared metrics, settled when the config is
 * resolved: the core knows when every monitor samples before training starts.
 *
 * @param configured the monitor (an instance for declarations only; runs create fresh ones) and its parameters
 * @param sampling   {@link Monitor#sampling} of those parameters
 * @param metrics    {@link Monitor#metrics()}
 */
public record ResolvedMonitor(Configured<Monitor> configured, Sampling sampling, List<Metric> metrics) {

    public ResolvedMonitor {
        metrics = List.copyOf(metrics);
    }

    /** The monitor's name. */
    public String name() {
        return configured.name();
    }

    /** Its resolved parameters. */
    public Parameters params() {
        return configured.params();
    }
}
