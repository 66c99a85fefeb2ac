package io.trainscope.testkit;

import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.plugin.ParameterException;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.api.plugin.Plugin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the conventions of {@link Plugin} that the compiler cannot: names configs can use,
 * descriptions {@code trainscope plugins} can show, and defaults the core will accept.
 *
 * <p>The result is a list of sentences rather than an assertion, so that any test framework can
 * report it: with AssertJ, as the initializers' contract test does,
 *
 * <pre>{@code
 * @ParameterizedTest(name = "{0}")
 * @MethodSource("initializers")
 * void hasALowerCaseHyphenatedNameADescriptionAndDefaultsInRange(Initializer init) {
 *     assertThat(PluginConventions.violations(init)).isEmpty();
 * }
 * }</pre>
 *
 * <p>or with plain JUnit as {@code assertEquals(List.of(), PluginConventions.violations(init))}, or in
 * one line with any framework as {@code PluginConventions.assertFollowed(init)}.
 */
public final class PluginConventions {

    /** A name configs can use: lower-case words of letters and digits joined by single hyphens, starting with a letter. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private PluginConventions() {
    }

    /**
     * The conventions {@code plugin} breaks, one sentence each, naming the plugin's class, the
     * offending item and what would be accepted. The checks are:
     * <ul>
     *   <li>{@link Plugin#name()} and every parameter name match {@link #NAME};</li>
     *   <li>the plugin and every parameter have a non-blank description;</li>
     *   <li>no parameter name is declared twice;</li>
     *   <li>every default passes {@link Parameters#resolve(String, List, Map)} on its own: the right
     *       type, inside the declared range, among the choices;</li>
     *   <li>when no parameter is required and all the above hold, {@link Parameters#defaults(Plugin)}
     *       succeeds, i.e. the plugin's own {@link Plugin#validate} accepts its defaults;</li>
     *   <li>for a {@link Monitor}: {@link Monitor#sampling} accepts the defaults, no metric is declared
     *       twice, and a metric drawn against another names a declared one.</li>
     * </ul>
     *
     * @param plugin the plugin to check; not null
     * @return the violations, unmodifiable: the plugin's own first, then each parameter's in
     *         declaration order, then the one of {@code validate}; empty when the plugin keeps every convention
     * @throws RuntimeException whatever {@link Plugin#validate} throws on the defaults other than
     *                          a {@link ParameterException}: that is a bug to see with its stack trace
     */
    public static List<String> violations(Plugin plugin) {
        String who = plugin.getClass().getName();
        List<String> found = new ArrayList<>();
        if (plugin.name() == null || !NAME.matcher(plugin.name()).matches()) {
            found.add(who + ": name " + quote(plugin.name()) + " " + notAName());
        }
        if (plugin.description() == null || plugin.description().isBlank()) {
            found.add(who + ": the description is blank; give one line for 'trainscope plugins'");
        }
        parameterViolations(who, plugin, found);
        if (found.isEmpty() && plugin.parameters().stream().noneMatch(ParameterSpec::isRequired)) {
            try {
                Parameters defaults = Parameters.defaults(plugin);
                if (plugin instanceof Monitor monitor) {
                    monitorViolations(who, monitor, defaults, found);
                }
            } catch (ParameterException e) {
                found.add(who + ": validate() refuses the declared defaults: parameter '" + e.parameter() + "' "
                        + e.getMessage());
            }
        }
        return List.copyOf(found);
    }

    /**
     * Asserts that {@code plugin} keeps every convention: throws an {@link AssertionError} listing
     * {@link #violations(Plugin)} when there are any. The one-line form for any test framework:
     * {@code PluginConventions.assertFollowed(new MyInitializer());}
     */
    public static void assertFollowed(Plugin plugin) {
        Problems.assertNone(violations(plugin));
    }

    /** Each parameter's name, description and default. */
    private static void parameterViolations(String who, Plugin plugin, List<String> found) {
        Set<String> seen = new HashSet<>();
        for (ParameterSpec spec : plugin.parameters()) {
            String param = who + ": parameter '" + spec.name() + "'";
            if (!NAME.matcher(spec.name()).matches()) {
                found.add(param + ": the name " + notAName());
            }
            if (!seen.add(spec.name())) {
                found.add(param + " is declared twice");
            }
            if (spec.description().isBlank()) {
                found.add(param + ": the description is blank; give one line for 'trainscope plugins'");
            }
            if (!spec.isRequired()) {
                try {
                    Parameters.resolve(plugin.name(), List.of(spec), Map.of(spec.name(), spec.defaultValue()));
                } catch (ParameterException e) {
                    found.add(param + ": the declared default is refused: " + e.getMessage());
                }
            }
        }
    }

    /**
     * A monitor's declarations: {@link Monitor#sampling} accepts its defaults, no metric is declared
     * twice, and every metric a {@link Drawing#against()} names is declared too.
     */
    private static void monitorViolations(String who, Monitor monitor, Parameters defaults, List<String> found) {
        try {
            if (monitor.sampling(defaults) == null) {
                found.add(who + ": sampling(defaults) returned null; return Sampling.none() for no sampling");
            }
        } catch (IllegalArgumentException e) {
            found.add(who + ": sampling(defaults) refuses the declared defaults: " + e.getMessage());
        }
        Set<String> names = new HashSet<>();
        for (Metric m : monitor.metrics()) {
            if (!names.add(m.name())) {
                found.add(who + ": metric '" + m.name() + "' is declared twice");
            }
        }
        for (Metric m : monitor.metrics()) {
            String against = m.drawing().against();
            if (against != null && !names.contains(against)) {
                found.add(who + ": metric '" + m.name() + "' is drawn against '" + against + "', which metrics() does not "
                        + "declare");
            }
        }
    }

    private static String notAName() {
        return "is not lower-case words joined by hyphens, like 'he-normal' or 'saturation-eps'";
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
