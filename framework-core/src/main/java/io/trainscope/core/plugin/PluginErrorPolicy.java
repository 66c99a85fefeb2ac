package io.trainscope.core.plugin;

import io.trainscope.core.TrainscopeException;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What start-up does about {@linkplain DiscoveredPlugins#unavailable() plugins that cannot be
 * used}. Chosen by the system property {@value #PROPERTY} or else the environment variable
 * {@value #ENVIRONMENT} ({@code disable} or {@code fail}; default {@code disable}), or by an
 * embedding application through {@code Trainscope.create(ClassLoader, PluginErrorPolicy)}.
 */
public enum PluginErrorPolicy {

    /**
     * Each unavailable plugin is reported once at start-up (a warning naming its class, its jar
     * and the reason) and left out; everything else works, and a config that names it fails
     * with its reason.
     */
    DISABLE,

    /** Any unavailable plugin fails start-up with its reason, whether a command needs it or not. */
    FAIL;

    /** The system property that chooses the policy. */
    public static final String PROPERTY = "trainscope.plugin-errors";
    /** The environment variable that chooses the policy when the property is not set. */
    public static final String ENVIRONMENT = "TRAINSCOPE_PLUGIN_ERRORS";

    /**
     * The policy the process asks for.
     *
     * @throws TrainscopeException when the property or variable holds anything but disable or fail
     */
    public static PluginErrorPolicy fromEnvironment() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return parse(property, "-D" + PROPERTY);
        }
        String variable = System.getenv(ENVIRONMENT);
        return variable == null || variable.isBlank() ? DISABLE : parse(variable, ENVIRONMENT);
    }

    /** Reads "disable" or "fail" (any case); {@code setting} names where the value came from. */
    static PluginErrorPolicy parse(String value, String setting) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "disable" -> DISABLE;
            case "fail" -> FAIL;
            default -> throw new TrainscopeException(setting + " must be 'disable' (leave broken plugins out, the "
                    + "default) or 'fail' (stop at start-up), got '" + value + "'");
        };
    }

    /**
     * Applies the policy to what discovery found.
     *
     * @param warn receives one line per unavailable plugin under {@link #DISABLE}
     * @throws PluginException under {@link #FAIL} when any plugin is unavailable, describing each
     */
    public void apply(DiscoveredPlugins plugins, Consumer<String> warn) {
        List<UnavailablePlugin> unavailable = plugins.unavailable();
        if (unavailable.isEmpty()) {
            return;
        }
        if (this == FAIL) {
            String all = unavailable.stream().map(UnavailablePlugin::describe).collect(Collectors.joining("; "));
            throw new PluginException((unavailable.size() == 1 ? "a plugin on the classpath cannot be used"
                    : unavailable.size() + " plugins on the classpath cannot be used") + " (plugin errors: fail): " + all);
        }
        for (UnavailablePlugin plugin : unavailable) {
            warn.accept(plugin.describe() + " (left out; " + ENVIRONMENT + "=fail makes this an error)");
        }
    }
}
