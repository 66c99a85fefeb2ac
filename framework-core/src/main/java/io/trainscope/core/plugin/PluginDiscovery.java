package io.trainscope.core.plugin;

import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Plugin;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds plugins with {@link ServiceLoader}, strictly: two plugins of one family with one name, a
 * name that is not lower-case hyphenated, or a broken service entry fail at start-up with a
 * message naming the classes involved. Discovery only instantiates plugins (their constructors
 * must do no work); it does not initialize ND4J.
 */
public final class PluginDiscovery {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private PluginDiscovery() {
    }

    /** Discovers every family's plugins visible to {@code loader}. */
    public static DiscoveredPlugins discover(ClassLoader loader) {
        Map<PluginFamily<?>, Map<String, DiscoveredPlugin<?>>> byFamily = new LinkedHashMap<>();
        for (PluginFamily<?> family : PluginFamily.ALL) {
            byFamily.put(family, discoverFamily(family, loader));
        }
        return new DiscoveredPlugins(byFamily);
    }

    /** Discovers with the thread's context class loader. */
    public static DiscoveredPlugins discover() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return discover(cl != null ? cl : PluginDiscovery.class.getClassLoader());
    }

    private static <T extends Plugin> Map<String, DiscoveredPlugin<?>> discoverFamily(PluginFamily<T> family,
                                                                                       ClassLoader loader) {
        Map<String, DiscoveredPlugin<?>> found = new TreeMap<>();
        ServiceLoader<T> serviceLoader = ServiceLoader.load(family.type(), loader);
        try {
            for (ServiceLoader.Provider<T> provider : (Iterable<ServiceLoader.Provider<T>>) serviceLoader.stream()::iterator) {
                T plugin = instantiate(family, provider);
                String name = plugin.name();
                checkMetadata(family, provider.type(), name, plugin);
                DiscoveredPlugin<?> previous = found.get(name);
                if (previous != null) {
                    throw new PluginException("two " + family.plural() + " are named '" + name + "': "
                            + previous.type().getName() + " and " + provider.type().getName()
                            + "; remove one of them from the classpath or rename it");
                }
                found.put(name, new DiscoveredPlugin<>(family, plugin, provider.type()));
            }
        } catch (ServiceConfigurationError e) {
            throw new PluginException("a " + family.displayName() + " could not be loaded from META-INF/services/"
                    + family.type().getName() + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static <T extends Plugin> T instantiate(PluginFamily<T> family, ServiceLoader.Provider<T> provider) {
        try {
            return provider.get();
        } catch (ServiceConfigurationError | RuntimeException e) {
            throw new PluginException("the " + family.displayName() + " " + provider.type().getName()
                    + " could not be created: " + rootMessage(e)
                    + "; plugins need a public no-argument constructor that does no work", e);
        }
    }

    private static void checkMetadata(PluginFamily<?> family, Class<?> type, String name, Plugin plugin) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new PluginException("the " + family.displayName() + " " + type.getName() + " has the name '" + name
                    + "'; plugin names must be lower-case words joined by hyphens, like 'he-normal'");
        }
        String description = plugin.description();
        if (description == null || description.isBlank()) {
            throw new PluginException("the " + family.displayName() + " '" + name + "' (" + type.getName()
                    + ") has no description");
        }
        Set<String> seen = new HashSet<>();
        for (ParameterSpec spec : plugin.parameters()) {
            if (!NAME.matcher(spec.name()).matches()) {
                throw new PluginException("the " + family.displayName() + " '" + name + "' declares parameter '"
                        + spec.name() + "'; parameter names must be lower-case words joined by hyphens");
            }
            if (!seen.add(spec.name())) {
                throw new PluginException("the " + family.displayName() + " '" + name + "' declares parameter '"
                        + spec.name() + "' twice");
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
