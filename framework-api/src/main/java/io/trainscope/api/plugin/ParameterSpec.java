package io.trainscope.api.plugin;

import io.trainscope.api.StableApi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The declaration of one plugin parameter: its name, type, default, allowed values and a
 * description. Declarations are immutable; the range methods return modified copies.
 *
 * <pre>{@code
 * static final ParameterSpec STD = ParameterSpec.real("std", 1.0, "standard deviation").greaterThan(0);
 * static final ParameterSpec MODE = ParameterSpec.choice("fan-mode", "in", List.of("in", "out"), "which fan to scale by");
 * }</pre>
 *
 * @param name         lower-case hyphenated name, as written in configs
 * @param type         the value type
 * @param defaultValue the value used when the config does not set one; null means the parameter is required
 * @param description  one line for {@code trainscope plugins}
 * @param min          lower bound for numbers, or null
 * @param minExclusive whether {@code min} itself is excluded
 * @param max          upper bound for numbers, or null
 * @param maxExclusive whether {@code max} itself is excluded
 * @param choices      the allowed words for {@link ParameterType#CHOICE}; empty otherwise
 */
@StableApi(since = "0.1")
public record ParameterSpec(String name, ParameterType type, Object defaultValue, String description,
                            Double min, boolean minExclusive, Double max, boolean maxExclusive,
                            List<String> choices) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (type == ParameterType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' declares no choices");
        }
    }

    /** A real-valued parameter with a default. */
    public static ParameterSpec real(String name, double defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.REAL, defaultValue, description, null, false, null, false, List.of());
    }

    /** An integer parameter with a default. */
    public static ParameterSpec integer(String name, long defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.INTEGER, defaultValue, description, null, false, null, false, List.of());
    }

    /** A boolean parameter with a default. */
    public static ParameterSpec bool(String name, boolean defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, defaultValue, description, null, false, null, false, List.of());
    }

    /** A parameter that takes one of the given words; the default must be one of them. */
    public static ParameterSpec choice(String name, String defaultValue, List<String> choices, String description) {
        if (defaultValue != null && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException("default '" + defaultValue + "' of '" + name + "' is not among " + choices);
        }
        return new ParameterSpec(name, ParameterType.CHOICE, defaultValue, description, null, false, null, false, choices);
    }

    /** A free-text parameter (a path, a column name); {@code defaultValue} null makes it required. */
    public static ParameterSpec text(String name, String defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.TEXT, defaultValue, description, null, false, null, false, List.of());
    }

    /** A list-of-numbers parameter; {@code defaultValue} null makes it required. */
    public static ParameterSpec realList(String name, List<Double> defaultValue, String description) {
        return new ParameterSpec(name, ParameterType.REAL_LIST, defaultValue == null ? null : List.copyOf(defaultValue),
                description, null, false, null, false, List.of());
    }

    /** A copy that requires {@code value > bound}. */
    public ParameterSpec greaterThan(double bound) {
        return new ParameterSpec(name, type, defaultValue, description, bound, true, max, maxExclusive, choices);
    }

    /** A copy that requires {@code value >= bound}. */
    public ParameterSpec atLeast(double bound) {
        return new ParameterSpec(name, type, defaultValue, description, bound, false, max, maxExclusive, choices);
    }

    /** A copy that requires {@code value < bound}. */
    public ParameterSpec lessThan(double bound) {
        return new ParameterSpec(name, type, defaultValue, description, min, minExclusive, bound, true, choices);
    }

    /** A copy that requires {@code value <= bound}. */
    public ParameterSpec atMost(double bound) {
        return new ParameterSpec(name, type, defaultValue, description, min, minExclusive, bound, false, choices);
    }

    /** A copy that requires {@code low <= value <= high}. */
    public ParameterSpec between(double low, double high) {
        return new ParameterSpec(name, type, defaultValue, description, low, false, high, false, choices);
    }

    /** A copy without a default: configs must set it. */
    public ParameterSpec required() {
        return new ParameterSpec(name, type, null, description, min, minExclusive, max, maxExclusive, choices);
    }

    /** Whether a config must set this parameter. */
    public boolean isRequired() {
        return defaultValue == null;
    }

    /** Whether {@code value} is a number inside the declared range (NaN never is). */
    public boolean inRange(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (min != null && (minExclusive ? value <= min : value < min)) {
            return false;
        }
        return max == null || (maxExclusive ? value < max : value <= max);
    }

    /**
     * The allowed values in words, as error messages and {@code trainscope plugins} show them:
     * "a number > 0", "an integer in [1, 1000]", "one of in, out".
     */
    public String allowedValues() {
        if (type == ParameterType.CHOICE) {
            return "one of " + String.join(", ", choices);
        }
        String noun = type.noun();
        if (min != null && max != null) {
            return noun + " in " + (minExclusive ? "(" : "[") + fmt(min) + ", " + fmt(max) + (maxExclusive ? ")" : "]");
        }
        if (min != null) {
            return noun + (minExclusive ? " > " : " >= ") + fmt(min);
        }
        if (max != null) {
            return noun + (maxExclusive ? " < " : " <= ") + fmt(max);
        }
        return noun;
    }

    /** One line for listings: {@code std (a number > 0, default 1.0)}. */
    public String summary() {
        return name + " (" + allowedValues() + (isRequired() ? ", required" : ", default " + format(defaultValue)) + ")";
    }

    /** A value as a config would write it: {@code 1.0}, {@code ""}, {@code [2.0, -1.0]}. */
    public static String format(Object value) {
        if (value instanceof String s && s.isEmpty()) {
            return "\"\"";
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return String.valueOf(value);
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
