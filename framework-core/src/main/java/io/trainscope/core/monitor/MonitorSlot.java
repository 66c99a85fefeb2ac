package io.trainscope.core.monitor;

import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.Scope;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.Parameters;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One monitor of a run with its parameters, the sampling settled when the config was resolved,
 * its declared metrics, on-demand view requests and health.
 */
public final class MonitorSlot {

    private final Monitor monitor;
    private final Parameters parameters;
    private final Sampling sampling;
    private final Map<String, Metric> declared = new HashMap<>();
    private final EnumSet<View> onDemand = EnumSet.noneOf(View.class);
    private final EnumSet<View> current = EnumSet.noneOf(View.class);
    private boolean enabled = true;
    private long nanos;
    private long calls;

    /**
     * @param monitor    a fresh instance for this run
     * @param parameters its resolved parameters
     * @param sampling   its schedule, from {@link Monitor#sampling(Parameters)} at config resolution
     */
    public MonitorSlot(Monitor monitor, Parameters parameters, Sampling sampling) {
        this.monitor = monitor;
        this.parameters = parameters;
        this.sampling = Objects.requireNonNull(sampling, "sampling");
        for (Metric m : monitor.metrics()) {
            declared.put(m.name(), m);
        }
    }

    public Monitor monitor() {
        return monitor;
    }

    public String name() {
        return monitor.name();
    }

    public Parameters parameters() {
        return parameters;
    }

    /** The schedule this monitor asked for. */
    public Sampling sampling() {
        return sampling;
    }

    /** Asks for views on the next iteration regardless of sampling. */
    public void requestViews(Set<View> views) {
        onDemand.addAll(views);
    }

    /**
     * The metric as this monitor declared it, for a measurement of the given shape.
     *
     * @throws IllegalArgumentException when the monitor did not declare the metric, or declared another shape
     */
    public Metric declared(Metric metric, Scope scope, boolean histogram) {
        Metric d = declared.get(metric.name());
        if (d == null) {
            throw new IllegalArgumentException("monitor '" + name() + "' recorded metric '" + metric.name()
                    + "', which its metrics() does not declare; declare every metric it records");
        }
        if (d.scope() != scope || d.histogram() != histogram) {
            throw new IllegalArgumentException("monitor '" + name() + "' recorded metric '" + metric.name() + "' as a "
                    + shape(scope, histogram) + ", but declares it as a " + shape(d.scope(), d.histogram()));
        }
        return d;
    }

    private static String shape(Scope scope, boolean histogram) {
        return (scope == Scope.LAYER ? "per-layer " : "network-wide ") + (histogram ? "histogram" : "value");
    }

    /**
     * Decides this slot's views for an iteration from its sampling and on-demand requests, which
     * it consumes. Returns them.
     */
    Set<View> plan(long iteration, int epoch, boolean firstOfEpoch) {
        current.clear();
        if (!enabled) {
            return current;
        }
        if (sampling.samples(iteration, epoch, firstOfEpoch)) {
            current.addAll(sampling.views());
        }
        if (!onDemand.isEmpty()) {
            current.addAll(onDemand);
            onDemand.clear();
        }
        return current;
    }

    /** Adds the views an unplanned iteration can deliver (a non-finite loss); returns whether any were added. */
    boolean addUnplanned() {
        if (!enabled || !sampling.whenLossNotFinite()) {
            return false;
        }
        for (View v : sampling.views()) {
            if (Sampling.UNPLANNED_VIEWS.contains(v)) {
                current.add(v);
            }
        }
        return true;
    }

    /** Whether this slot gets {@code view} on the planned iteration. */
    boolean wants(View view) {
        return current.contains(view);
    }

    boolean enabled() {
        return enabled;
    }

    void disable() {
        enabled = false;
        current.clear();
    }

    void addTime(long elapsedNanos) {
        nanos += elapsedNanos;
        calls++;
    }

    /** Total time spent inside this monitor's callbacks, in nanoseconds. */
    public long nanos() {
        return nanos;
    }

    /** Number of callbacks delivered to this monitor. */
    public long calls() {
        return calls;
    }
}
