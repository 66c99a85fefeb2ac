package io.trainscope.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An example's command-line arguments: {@code --name value} pairs from a declared set, and
 * {@code --help}. A mistake is an {@link IllegalArgumentException} naming the argument and the fix,
 * which {@code trainscope example} prints as one line (exit status 2).
 */
public final class ExampleArgs {

    private final Map<String, String> values;
    private final boolean help;

    private ExampleArgs(Map<String, String> values, boolean help) {
        this.values = values;
        this.help = help;
    }

    /** Parses {@code args}, accepting the options {@code --<known>} (each with a value) and {@code --help}. */
    public static ExampleArgs parse(String[] args, String... known) {
        List<String> names = Arrays.asList(known);
        Map<String, String> values = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                help = true;
                continue;
            }
            String key = a.startsWith("--") ? a.substring(2) : null;
            int eq = key == null ? -1 : key.indexOf('=');
            String value = eq < 0 ? null : key.substring(eq + 1);
            key = eq < 0 ? key : key.substring(0, eq);
            if (key == null || !names.contains(key)) {
                throw new IllegalArgumentException("unknown argument '" + a + "'; this example takes "
                        + (names.isEmpty() ? "none" : "--" + String.join(" VALUE, --", names) + " VALUE") + " and --help");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + key + " needs a value");
                }
                value = args[++i];
            }
            values.put(key, value);
        }
        return new ExampleArgs(values, help);
    }

    /** Whether {@code --help} was given. */
    public boolean help() {
        return help;
    }

    /** The value of {@code --name}, or {@code fallback}. */
    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The integer value of {@code --name} (at least {@code min}), or {@code fallback}. */
    public int integer(String name, int fallback, int min) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be an integer >= " + min + ", got '" + v + "'");
    }

    /** The folder named by {@code --name}, or {@code fallback}; it must exist. */
    public Path folder(String name, Path fallback) {
        Path p = values.containsKey(name) ? Path.of(values.get(name)) : fallback;
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException((values.containsKey(name) ? "--" + name + " " : "the data folder ") + p
                    + " does not exist; pass --" + name + " DIR or set TRAINSCOPE_DATASETS to the folder holding "
                    + "mnist/ and fashion-mnist-sample/");
        }
        return p;
    }
}
