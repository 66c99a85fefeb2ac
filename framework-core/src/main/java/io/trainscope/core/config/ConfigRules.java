package io.trainscope.core.config;

import io.trainscope.api.internal.Suggestions;

import java.util.List;

/**
 * The value rules of a config, shared by {@link ConfigLoader} (reading YAML) and the spec records'
 * constructors (an experiment built in code, {@link Experiment}), so that a value breaks a rule with
 * the same one-line message whichever way it was given: {@code training.epochs: must be an integer
 * >= 1, got 0}.
 */
final class ConfigRules {

    private ConfigRules() {
    }

    /** An integer of at least {@code min}. */
    static int atLeast(String path, int value, int min) {
        if (value < min) {
            throw new ConfigException(path, "must be an integer >= " + min + ", got " + value);
        }
        return value;
    }

    /** A number in {@code [min, max]}. */
    static double between(String path, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigException(path, "must be a number in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** One of {@code allowed}, or null when {@code nullable}. */
    static String oneOf(String path, String value, List<String> allowed, boolean nullable) {
        if ((value == null && !nullable) || (value != null && !allowed.contains(value))) {
            throw new ConfigException(path, "must be one of " + String.join(", ", allowed) + ", got '" + value + "'"
                    + (value == null ? "" : Suggestions.didYouMean(value, allowed)));
        }
        return value;
    }

    /** An experiment's name: it names the run folder. */
    static String name(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ConfigException("name", "must be letters, digits, '.', '_' or '-' (it names the run folder), got '"
                    + name + "'");
        }
        return name;
    }

    /** The fractions of a split: each in [0, 1], training above 0, together at most 1. */
    static void split(double train, double validation, double test) {
        between("data.split.validation", validation, 0.0, 1.0);
        between("data.split.test", test, 0.0, 1.0);
        between("data.split.train", train, 0.0, 1.0);
        if (train <= 0) {
            throw new ConfigException("data.split.train", "must be > 0: nothing would be left to train on");
        }
        if (train + validation + test > 1.0 + 1e-9) {
            throw new ConfigException("data.split", "train + validation + test must be at most 1, got "
                    + (train + validation + test));
        }
    }
}
