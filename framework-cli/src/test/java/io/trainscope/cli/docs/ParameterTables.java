package io.trainscope.cli.docs;

import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.core.plugin.DiscoveredPlugin;
import io.trainscope.core.plugin.PluginRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code | parameter | default | ...} tables under a {@code ## plugin-name} heading: they list
 * exactly the plugin's declared parameters, with its defaults ("required" for none).
 */
final class ParameterTables {

    private static final Pattern SECTION = Pattern.compile("^## `?([a-z][a-z0-9-]*)`?\\s*$");

    private ParameterTables() {
    }

    /** What is wrong with the page's parameter tables, one line each. */
    static List<String> wrong(Markdown page, PluginRegistry registry) {
        List<String> wrong = new ArrayList<>();
        String section = null;
        List<String> lines = page.lines();
        for (int i = 0; i < lines.size(); i++) {
            Matcher heading = SECTION.matcher(lines.get(i));
            if (lines.get(i).startsWith("## ")) {
                section = heading.matches() ? heading.group(1) : null;
            }
            List<String> header = Markdown.cells(lines.get(i));
            Optional<DiscoveredPlugin<?>> plugin = plugin(registry, section);
            if (header.size() >= 2 && header.get(0).equals("parameter") && header.get(1).equals("default") && plugin.isPresent()) {
                Map<String, String> documented = new LinkedHashMap<>();
                for (int r = i + 2; r < lines.size() && lines.get(r).startsWith("|"); r++) {
                    List<String> row = Markdown.cells(lines.get(r));
                    documented.put(row.get(0).replace("`", ""), row.get(1).replace("`", ""));
                }
                String where = page.name() + ":" + (i + 1) + " (" + section + "): ";
                check(plugin.get().prototype().parameters(), documented).forEach(p -> wrong.add(where + p));
            }
        }
        return wrong;
    }

    private static Optional<DiscoveredPlugin<?>> plugin(PluginRegistry registry, String name) {
        return name == null ? Optional.empty() : registry.all().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static List<String> check(List<ParameterSpec> declared, Map<String, String> documented) {
        List<String> wrong = new ArrayList<>();
        for (ParameterSpec spec : declared) {
            String doc = documented.get(spec.name());
            if (doc == null) {
                wrong.add(spec.name() + " is declared but not in the table");
            } else if (!sameDefault(spec, doc)) {
                wrong.add(spec.name() + ": the table says " + doc + ", the plugin "
                        + (spec.isRequired() ? "requires it" : ParameterSpec.format(spec.defaultValue())));
            }
        }
        documented.keySet().stream().filter(n -> declared.stream().noneMatch(s -> s.name().equals(n)))
                .forEach(n -> wrong.add(n + " is in the table but not declared"));
        return wrong;
    }

    private static boolean sameDefault(ParameterSpec spec, String doc) {
        if (spec.isRequired() || doc.equals("required")) {
            return spec.isRequired() && doc.equals("required");
        }
        Object value = spec.defaultValue();
        if (value instanceof Number n) {
            return sameNumber(n.doubleValue(), doc);
        }
        if (value instanceof List<?> list) {
            String[] parts = doc.replaceAll("[\\[\\]]", "").split(",");
            if (parts.length != list.size()) {
                return false;
            }
            for (int k = 0; k < parts.length; k++) {
                if (!sameNumber(((Number) list.get(k)).doubleValue(), parts[k].strip())) {
                    return false;
                }
            }
            return true;
        }
        String text = String.valueOf(value);
        return text.equals(doc) || (text.isEmpty() && doc.equals("empty"));
    }

    private static boolean sameNumber(double value, String doc) {
        try {
            double d = Double.parseDouble(doc);
            return d == value || Math.abs(d - value) <= 1e-12 * Math.abs(value);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
