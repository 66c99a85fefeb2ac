package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name, unit and meaning of a measurement, declared once as a constant by the monitor that
 * records it. Names are lower-case dotted keys in Micrometer's manner ({@code layer.gradient.norm}).
 *
 * @param name        lower-case dotted key, e.g. {@code layer.gradient.norm}
 * @param unit        the unit of the value ({@code ratio}, {@code percent}, {@code units}, ...)
 * @param description what the value means, one line
 */
@StableApi(since = "0.1")
public record Metric(String name, String unit, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

    public Metric {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric name must be lower-case dotted words, got '" + name + "'");
        }
    }
}
