package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The declaration of one measurement: its name, unit and meaning, whether it has a value per
 * layer or one for the network, and how a report draws it. Names are lower-case dotted keys in
 * Micrometer's manner ({@code layer.gradient.norm}).
 *
 * <p>A monitor declares every metric it records in {@link Monitor#metrics()}, usually as
 * constants; the core writes the declarations of a run's monitors (and the trainer's own) to the
 * run folder's metric catalogue, so that a report draws them later without the plugin on the
 * classpath. Recording a metric that the monitor did not declare, or with the wrong scope, is an
 * error that disables the monitor.
 *
 * <pre>{@code
 * static final Metric RATIO = Metric.network("gradient.norm.ratio", "ratio", "first / last hidden layer")
 *         .drawn(Drawing.of(Chart.LINE).in("Gradients").scale(Scale.LOG).reference(1));
 * static final Metric DEAD = Metric.layer("layer.dead.percent", "percent", "share of dead units")
 *         .drawn(Drawing.of(Chart.LAYER_BARS));
 * static final Metric WEIGHTS = Metric.histogram("layer.weight.histogram", "distribution of the weights");
 * }</pre>
 *
 * @param name        lower-case dotted key, e.g. {@code layer.gradient.norm}
 * @param unit        the unit of the value ({@code ratio}, {@code percent}, {@code units}, ...; {@code count} for histograms)
 * @param description what the value means, one line
 * @param scope       one value per layer or one for the network
 * @param drawing     how a report draws it; its chart kind must suit the scope
 */
@StableApi(since = "0.1")
public record Metric(String name, String unit, String description, Scope scope, Drawing drawing) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

    public Metric {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric name must be lower-case dotted words, got '" + name + "'");
        }
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(drawing, "drawing");
        if (drawing.chart().scope() != null && drawing.chart().scope() != scope) {
            throw new IllegalArgumentException("metric '" + name + "' has " + scope.id() + " scope but a "
                    + drawing.chart().id() + " chart draws " + drawing.chart().scope().id() + " metrics");
        }
    }

    /** A network-wide value, drawn as a {@link Chart#LINE} over iterations unless refined. */
    public static Metric network(String name, String unit, String description) {
        return new Metric(name, unit, description, Scope.NETWORK, Drawing.of(Chart.LINE));
    }

    /** A per-layer value, drawn as {@link Chart#LAYER_LINES} over iterations unless refined. */
    public static Metric layer(String name, String unit, String description) {
        return new Metric(name, unit, description, Scope.LAYER, Drawing.of(Chart.LAYER_LINES));
    }

    /** A per-layer distribution (unit {@code count}), drawn as {@link Chart#HISTOGRAM}. */
    public static Metric histogram(String name, String description) {
        return new Metric(name, "count", description, Scope.LAYER, Drawing.of(Chart.HISTOGRAM));
    }

    /** The same metric drawn as {@code drawing}. */
    public Metric drawn(Drawing drawing) {
        return new Metric(name, unit, description, scope, drawing);
    }

    /** Whether its values are histograms rather than numbers ({@link Chart#HISTOGRAM} and {@link Chart#VIOLIN}). */
    public boolean histogram() {
        return drawing.chart() == Chart.HISTOGRAM || drawing.chart() == Chart.VIOLIN;
    }
}
