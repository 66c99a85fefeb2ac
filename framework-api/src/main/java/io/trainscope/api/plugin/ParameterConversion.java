package io.trainscope.api.plugin;

import io.trainscope.api.internal.Suggestions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks and converts raw parameter values (as parsed from YAML) against their declarations. */
final class ParameterConversion {

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
            case INTEGER -> {
                double d = toReal(spec, value, name);
                if (d != Math.rint(d) || Math.abs(d) > 9.0e15 || !spec.inRange(d)) {
                    throw new ParameterException(name, "must be " + spec.allowedValues() + ", got " + value);
                }
                yield (long) d;
            }
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
            case REAL_LIST -> {
                if (!(value instanceof List<?> list)) {
                    throw new ParameterException(name, "must be a list of numbers like [2, -1, 1], got " + quote(value));
                }
                List<Double> out = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    out.add(checkRange(spec, toReal(spec, list.get(i), name), name));
                }
                yield List.copyOf(out);
            }
        };
    }

    private static double toReal(ParameterSpec spec, Object value, String name) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ParameterException(name, "must be " + spec.allowedValues() + ", got " + quote(value));
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
