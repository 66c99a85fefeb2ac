package io.trainscope.core.plugin;

import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Plugin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds plugins with {@link ServiceLoader}, strictly but without failing: a services entry whose
 * class is missing or cannot be instantiated, a plugin whose name or metadata breaks the
 * conventions, and every plugin of a name that two plugins of one family share are collected as
 * {@link UnavailablePlugin}s, each naming its class, the jar it came from and the reason. What is
 * done about them is the {@link PluginErrorPolicy}'s business. Discovery only instantiates
 * plugins (their constructors must do no work); it logs nothing and does not initialize ND4J.
 */
public final class PluginDiscovery {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private PluginDiscovery() {
    }

    /** Discovers every family's plugins visible to {@code loader}. */
    public static DiscoveredPlugins discover(ClassLoader loader) {
        Map<PluginFamily<?>, Map<String, DiscoveredPlugin<?>>> byFamily = new LinkedHashMap<>();
        List<UnavailablePlugin> unavailable = new ArrayList<>();
        for (PluginFamily<?> family : PluginFamily.ALL) {
            byFamily.put(family, discoverFamily(family, loader, unavailable));
        }
        return new DiscoveredPlugins(byFamily, unavailable);
    }

    /** Discovers with the thread's context class loader. */
    public static DiscoveredPlugins discover() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return discover(cl != null ? cl : PluginDiscovery.class.getClassLoader());
    }

    private static <T extends Plugin> Map<String, DiscoveredPlugin<?>> discoverFamily(
            PluginFamily<T> family, ClassLoader loader, List<UnavailablePlugin> unavailable) {
        ServiceEntries entries = ServiceEntries.read(loader, family.type());
        Map<String, List<DiscoveredPlugin<T>>> byName = new TreeMap<>();
        Iterator<ServiceLoader.Provider<T>> providers = ServiceLoader.load(family.type(), loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<T> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                // ServiceLoader moves on to the next entry after an error
                unavailable.add(notLoaded(family, entries, loader, e));
                continue;
            }
            DiscoveredPlugin<T> plugin = instantiate(family, provider, unavailable);
            if (plugin != null) {
                byName.computeIfAbsent(plugin.name(), n -> new ArrayList<>()).add(plugin);
            }
        }
        Map<String, DiscoveredPlugin<?>> found = new TreeMap<>();
        byName.forEach((name, plugins) -> {
            if (plugins.size() == 1) {
                found.put(name, plugins.get(0));
            } else {
                unavailable.add(sharedName(family, name, plugins));
            }
        });
        return found;
    }

    private static UnavailablePlugin notLoaded(PluginFamily<?> family, ServiceEntries entries, ClassLoader loader,
                                               ServiceConfigurationError e) {
        String className = entries.classNamedIn(String.valueOf(e.getMessage()));
        if (className == null) {
            return new UnavailablePlugin(family, null, "(a class)", "an unknown location",
                    ProviderDiagnosis.rootMessage(e));
        }
        String source = entries.source(className);
        String reason = ProviderDiagnosis.ofListedClass(className, family.type(), loader);
        return new UnavailablePlugin(family, null, className, source,
                (reason == null ? ProviderDiagnosis.rootMessage(e) : reason) + fix(source));
    }

    private static <T extends Plugin> DiscoveredPlugin<T> instantiate(PluginFamily<T> family,
                                                                      ServiceLoader.Provider<T> provider,
                                                                      List<UnavailablePlugin> unavailable) {
        Class<? extends T> type = provider.type();
        DiscoveredPlugin<T> plugin;
        try {
            plugin = new DiscoveredPlugin<>(family, provider.get(), type);
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            String shape = ProviderDiagnosis.ofClass(type, family.type());
            String problem = shape != null ? shape : "its constructor threw " + ProviderDiagnosis.rootMessage(e);
            unavailable.add(unavailable(family, null, type, problem));
            return null;
        }
        String name = null;
        String problem;
        try {
            name = plugin.name();
            problem = metadataProblem(plugin.prototype(), name);
        } catch (RuntimeException e) {
            problem = "it failed when asked for its name, description or parameters: " + ProviderDiagnosis.rootMessage(e);
        }
        if (problem == null) {
            return plugin;
        }
        unavailable.add(unavailable(family, name, type, problem));
        return null;
    }

    private static UnavailablePlugin unavailable(PluginFamily<?> family, String name, Class<?> type, String problem) {
        String source = ServiceEntries.sourceOf(type);
        return new UnavailablePlugin(family, name, type.getName(), source, problem + fix(source));
    }

    /** What breaks the plugin conventions in a plugin's metadata, or null. */
    private static String metadataProblem(Plugin plugin, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return "its name '" + name + "' is not lower-case words joined by hyphens, like 'he-normal'";
        }
        String description = plugin.description();
        if (description == null || description.isBlank()) {
            return "it has no description";
        }
        Set<String> seen = new HashSet<>();
        for (ParameterSpec spec : plugin.parameters()) {
            if (!NAME.matcher(spec.name()).matches()) {
                return "it declares parameter '" + spec.name()
                        + "'; parameter names must be lower-case words joined by hyphens";
            }
            if (!seen.add(spec.name())) {
                return "it declares parameter '" + spec.name() + "' twice";
            }
        }
        return null;
    }

    private static <T extends Plugin> UnavailablePlugin sharedName(PluginFamily<T> family, String name,
                                                                   List<DiscoveredPlugin<T>> plugins) {
        String classes = plugins.stream()
                .map(p -> p.type().getName() + " (from " + ServiceEntries.sourceOf(p.type()) + ")")
                .collect(Collectors.joining(" and "));
        String count = plugins.size() == 2 ? "two" : String.valueOf(plugins.size());
        return new UnavailablePlugin(family, name, null, null, count + " " + family.plural() + " are named '" + name
                + "': " + classes + "; remove one of them from the classpath or rename it");
    }

    private static String fix(String source) {
        return "; fix the plugin or remove " + source + " from the classpath";
    }
}
