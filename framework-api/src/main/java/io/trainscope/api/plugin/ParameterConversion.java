package io.trainscope.api.plugin;

import io.trainscope.api.internal.Suggestions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks and converts raw parameter values (as parsed from YAML) against their declarations. */
final class ParameterConversion {

    /** A decimal number as a config may write it in quotes: {@code 0.5}, {@code -2}, {@code 1e-3}. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private ParameterConversion() {
    }

    static Parameters resolve(String plugin, List<ParameterSpec> specs, Map<String, ?> raw) {
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                String accepted = specs.isEmpty() ? "it takes no parameters"
                        : "it accepts " + specs.stream().map(ParameterSpec::summary).collect(Collectors.joining(", "));
                throw new ParameterException(key, "unknown parameter" + Suggestions.didYouMean(key, byName.keySet())
                        + "; " + accepted);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            Object value = raw.containsKey(spec.name()) ? convert(spec, raw.get(spec.name()), spec.name()) : spec.defaultValue();
            if (value == null) {
                throw new ParameterException(spec.name(), "missing required parameter (" + spec.allowedValues() + ": "
                        + spec.description() + ")");
            }
            values.put(spec.name(), value);
        }
        return Parameters.of(plugin, values);
    }

    private static Object convert(ParameterSpec spec, Object value, String name) {
        if (value == null) {
            throw new ParameterException(name, "must be " + spec.allowedValues() + ", got nothing");
        }
        return switch (spec.type()) {
            case REAL -> checkRange(spec, toReal(spec, value, name), name);
            case INTEGER -> toInteger(spec, value, name);
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw new ParameterException(name, "must be true or false, got " + quote(value));
            }
            case CHOICE -> {
                String s = String.valueOf(value);
                if (!spec.choices().contains(s)) {
                    throw new ParameterException(name, "must be " + spec.allowedValues() + ", got " + quote(value)
                            + Suggestions.didYouMean(s, spec.choices()));
                }
                yield s;
            }
            case TEXT -> {
                if (value instanceof Map || value instanceof List) {
                    throw new ParameterException(name, "must be a text, got " + quote(value));
                }
                yield String.valueOf(value);
            }
            case REAL_LIST -> toRealList(spec, value, name);
        };
    }

    private static long toInteger(ParameterSpec spec, Object value, String name) {
        double d = toReal(spec, value, name);
        if (d != Math.rint(d) || Math.abs(d) > 9.0e15 || !spec.inRange(d)) {
            throw new ParameterException(name, "must be " + spec.allowedValues() + ", got " + value);
        }
        return (long) d;
    }

    private static List<Double> toRealList(ParameterSpec spec, Object value, String name) {
        if (!(value instanceof List<?> list)) {
            throw new ParameterException(name, "must be a list of numbers like [2, -1, 1], got " + quote(value));
        }
        List<Double> out = new ArrayList<>();
        for (Object element : list) {
            out.add(checkRange(spec, toReal(spec, element, name), name));
        }
        return List.copyOf(out);
    }

    /**
     * A number, or a string holding a decimal number; never NaN or infinite (a value beyond the
     * range of a double, such as {@code 1e400} or a huge integer, is refused, not read as Infinity).
     */
    private static double toReal(ParameterSpec spec, Object value, String name) {
        double d;
        if (value instanceof Number n) {
            d = n.doubleValue();
        } else if (value instanceof String s && DECIMAL.matcher(s.strip()).matches()) {
            d = Double.parseDouble(s.strip());
        } else {
            throw new ParameterException(name, "must be " + spec.allowedValues() + ", got " + quote(value));
        }
        if (!Double.isFinite(d)) {
            String why = Double.isNaN(d) ? "" : ", outside the range of a double (about -1.8e308 to 1.8e308)";
            throw new ParameterException(name, "must be a finite number (" + spec.allowedValues() + "), got "
                    + quote(value) + why);
        }
        return d;
    }

    private static double checkRange(ParameterSpec spec, double value, String name) {
        if (!spec.inRange(value)) {
            throw new ParameterException(name, "must be " + spec.allowedValues() + ", got " + ParameterSpec.format(value));
        }
        return value;
    }

    private static String quote(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
