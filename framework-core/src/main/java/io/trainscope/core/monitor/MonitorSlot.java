package io.trainscope.core.monitor;

import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.NetworkInfo;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.Scope;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One monitor of a run with its parameters, the sampling settled when the config was resolved,
 * its declared metrics, its view of the network (the layers it reads), on-demand view requests and
 * health.
 */
public final class MonitorSlot {

    private static final Logger log = LoggerFactory.getLogger(MonitorSlot.class);

    private final Monitor monitor;
    private final Parameters parameters;
    private final Sampling sampling;
    private final Map<String, Metric> declared = new HashMap<>();
    private final EnumSet<View> onDemand = EnumSet.noneOf(View.class);
    private final EnumSet<View> current = EnumSet.noneOf(View.class);
    private boolean enabled = true;
    private long nanos;
    private long calls;
    private NetworkInfo view;
    private int[] toNetwork = new int[0];

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

    /**
     * Settles which layers of {@code network} this monitor sees: those it {@link Monitor#reads reads},
     * renumbered from 0. Returns the layers it skips.
     */
    List<LayerInfo> see(NetworkInfo network) {
        List<LayerInfo> seen = new ArrayList<>();
        List<LayerInfo> skipped = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (LayerInfo layer : network.layers()) {
            if (monitor.reads(layer)) {
                indices.add(layer.index());
                seen.add(layer.at(seen.size()));
            } else {
                skipped.add(layer);
            }
        }
        toNetwork = indices.stream().mapToInt(Integer::intValue).toArray();
        view = new NetworkInfo(seen, network.inputs(), network.parameters(), network.loss());
        if (!skipped.isEmpty()) {
            log.info("monitor '{}' does not read {} of the network's layers and skips them: {}", name(), skipped.size(),
                    String.join(", ", skipped.stream().map(l -> l.name() + " ("
                            + l.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")").toList()));
        }
        return skipped;
    }

    /** The network as this monitor sees it (only the layers it reads). */
    public NetworkInfo view() {
        return view;
    }

    /**
     * The network's index of the layer this monitor knows as {@code layer}.
     *
     * @throws IndexOutOfBoundsException when the monitor sees no such layer
     */
    public int layer(int layer) {
        if (layer < 0 || layer >= toNetwork.length) {
            throw new IndexOutOfBoundsException("layer " + layer + " does not exist; monitor '" + name() + "' sees layers 0.."
                    + (toNetwork.length - 1));
        }
        return toNetwork[layer];
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
