package io.trainscope.core.model;

import io.trainscope.api.plugin.Parameters;
import io.trainscope.api.plugin.Plugin;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The part of a network configuration that names a plugin: its name and parameter values, which
 * survive DL4J's JSON and Java serialization, and the plugin itself, found again by name where
 * the configuration is read back: in a Spark executor, in a copy of the configuration, in another
 * JVM. There is no injector there, so this is the one place where core looks a plugin up by
 * itself: with {@link ServiceLoader} on the thread's context class loader, as discovery does.
 */
final class PortablePlugin<T extends Plugin> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<ClassLoader, Map<String, Plugin>> FOUND = Collections.synchronizedMap(new WeakHashMap<>());

    @JsonProperty("family")
    private final Class<T> family;
    @JsonProperty("name")
    private final String name;
    @JsonProperty("parameters")
    private final LinkedHashMap<String, Object> values;
    private transient T plugin;
    private transient Parameters params;

    /** As DL4J's JSON reader reads it back. */
    @JsonCreator
    private PortablePlugin(@JsonProperty("family") Class<T> family, @JsonProperty("name") String name,
                           @JsonProperty("parameters") Map<String, Object> values) {
        this.family = family;
        this.name = name;
        this.values = values == null ? new LinkedHashMap<>() : serializable(values);
    }

    PortablePlugin(Class<T> family, T plugin, Parameters params) {
        this.family = family;
        this.name = plugin.name();
        this.values = serializable(params.asMap());
        this.plugin = plugin;
        this.params = params;
    }

    /** The name, for messages. */
    String name() {
        return name;
    }

    /** The parameter values as the configuration stores them. */
    Map<String, Object> values() {
        return values;
    }

    /** The plugin, looked up by name the first time after the configuration was read back. */
    T plugin() {
        if (plugin == null) {
            restore();
        }
        return plugin;
    }

    /** The plugin's parameters, checked again against its declarations after reading back. */
    Parameters params() {
        if (params == null) {
            restore();
        }
        return params;
    }

    private synchronized void restore() {
        if (plugin != null && params != null) {
            return;
        }
        T found = lookUp(family, name);
        params = Parameters.resolve(found, values);
        plugin = found;
    }

    /** A plugin of {@code family} named {@code name} from the context class loader's service files. */
    static <T extends Plugin> T lookUp(Class<T> family, String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ClassLoader key = loader == null ? PortablePlugin.class.getClassLoader() : loader;
        Plugin found = FOUND.computeIfAbsent(key, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(family.getName() + '/' + name, k -> find(family, name, key));
        return family.cast(found);
    }

    private static <T extends Plugin> T find(Class<T> family, String name, ClassLoader loader) {
        for (T candidate : ServiceLoader.load(family, loader)) {
            if (candidate.name().equals(name)) {
                return candidate;
            }
        }
        throw new IllegalStateException("the network configuration uses the " + family.getSimpleName() + " plugin '"
                + name + "', which is not on this JVM's classpath; ship the jar that holds it with the job");
    }

    private static LinkedHashMap<String, Object> serializable(Map<String, Object> values) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, v instanceof List<?> list ? new ArrayList<>(list) : v));
        return copy;
    }
}
