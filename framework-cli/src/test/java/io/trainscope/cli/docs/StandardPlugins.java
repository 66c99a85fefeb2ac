package io.trainscope.cli.docs;

import io.trainscope.cli.CliRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standard plugins as {@code trainscope plugins --classes} lists them (those whose class is in
 * {@code io.trainscope.plugins}; the test classpath adds test-only plugins), by the family's plural
 * ("data sources"), and the names a docs table row gives for a family.
 */
final class StandardPlugins {

    private static final Pattern FAMILY = Pattern.compile("^(\\S.*) \\(\\d+.*\\)$");
    private static final Pattern PLUGIN = Pattern.compile("^  (?!broken:)(\\S+)\\s");
    private static final Pattern CLASS = Pattern.compile("^      class (\\S+) from ");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private final Map<String, List<String>> byFamily;

    private StandardPlugins(Map<String, List<String>> byFamily) {
        this.byFamily = byFamily;
    }

    static StandardPlugins fromCli() {
        CliRun run = CliRun.of("plugins", "--classes");
        if (run.status() != 0) {
            throw new IllegalStateException("trainscope plugins failed: " + run.err());
        }
        Map<String, List<String>> byFamily = new LinkedHashMap<>();
        String family = null;
        String plugin = null;
        for (String line : run.out().lines().toList()) {
            Matcher f = FAMILY.matcher(line);
            Matcher p = PLUGIN.matcher(line);
            Matcher c = CLASS.matcher(line);
            if (f.matches()) {
                family = f.group(1);
                byFamily.put(family, new ArrayList<>());
            } else if (p.find()) {
                plugin = p.group(1);
            } else if (c.find() && c.group(1).startsWith("io.trainscope.plugins.")) {
                byFamily.get(family).add(plugin);
            }
        }
        return new StandardPlugins(byFamily);
    }

    /** The standard plugins of a family, by its plural as {@code trainscope plugins} prints it. */
    List<String> names(String family) {
        List<String> names = byFamily.get(family);
        if (names == null) {
            throw new AssertionError("no family '" + family + "'; trainscope plugins lists " + byFamily.keySet());
        }
        return names;
    }

    /**
     * The plugin names of a table cell: the code spans outside parentheses, before a " — see"
     * ({@code `batchnorm` (`placement`), `standardize` — see ...} gives batchnorm and standardize).
     */
    static List<String> namesIn(String cell) {
        String names = cell;
        for (String before = null; !names.equals(before); ) {
            before = names;
            names = names.replaceAll("\\([^()]*\\)", "");
        }
        int see = names.indexOf(" — ");
        names = see < 0 ? names : names.substring(0, see);
        List<String> found = new ArrayList<>();
        Matcher m = CODE.matcher(names);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
