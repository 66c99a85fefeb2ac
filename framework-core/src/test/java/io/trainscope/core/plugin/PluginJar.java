package io.trainscope.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A plugin jar written by a test: services files plus the class files of test classes, which a
 * {@link #loader} then takes from the jar (not from the test classpath), as it would take a
 * third party's plugin.
 */
final class PluginJar {

    private final Path file;
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Set<String> classes = new HashSet<>();

    private PluginJar(Path file) {
        this.file = file;
    }

    /** A jar to be written at {@code file}. */
    static PluginJar at(Path file) {
        return new PluginJar(file);
    }

    /** A {@code META-INF/services} file for {@code family} listing {@code classNames}. */
    PluginJar service(Class<?> family, String... classNames) {
        entries.put("META-INF/services/" + family.getName(),
                (String.join("\n", classNames) + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Copies a test class's class file into the jar. */
    PluginJar withClass(Class<?> type) {
        String path = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
            entries.put(path, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        classes.add(type.getName());
        return this;
    }

    /** Writes the jar and returns its path. */
    Path write() throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return file;
    }

    /**
     * A class loader over the test classpath plus these jars (written first), in which the classes
     * copied into the jars come from the jars: the test classpath's copies are hidden.
     */
    static URLClassLoader loader(PluginJar... jars) throws IOException {
        Set<String> hidden = new HashSet<>();
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].write().toUri().toURL();
            hidden.addAll(jars[i].classes);
        }
        ClassLoader parent = new ClassLoader(PluginJar.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (hidden.contains(name)) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        return new URLClassLoader(urls, parent);
    }
}
