package io.trainscope.core.monitor;

import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.Parameters;

import java.util.EnumSet;
import java.util.Set;

/** One monitor of a run with its parameters, its sampling, on-demand requests and health. */
public final class MonitorSlot {

    private final Monitor monitor;
    private final Parameters parameters;
    private Sampling sampling = Sampling.none();
    private final EnumSet<View> onDemand = EnumSet.noneOf(View.class);
    private EnumSet<View> current = EnumSet.noneOf(View.class);
    private boolean enabled = true;
    private long nanos;
    private long calls;

    public MonitorSlot(Monitor monitor, Parameters parameters) {
        this.monitor = monitor;
        this.parameters = parameters;
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

    public Sampling sampling() {
        return sampling;
    }

    void sampling(Sampling sampling) {
        this.sampling = sampling == null ? Sampling.none() : sampling;
    }

    /** Asks for views on the next iteration regardless of sampling. */
    public void requestViews(Set<View> views) {
        onDemand.addAll(views);
    }

    /** Decides this slot's views for {@code iteration}; consumes on-demand requests. Returns them. */
    Set<View> plan(long iteration) {
        current.clear();
        if (!enabled) {
            return current;
        }
        if (sampling.samples(iteration)) {
            current.addAll(sampling.views());
        }
        if (!onDemand.isEmpty()) {
            current.addAll(onDemand);
            onDemand.clear();
        }
        return current;
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
