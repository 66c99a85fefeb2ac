package io.trainscope.core.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The class names listed in one family's {@code META-INF/services} files, each with the jar (or
 * classes directory) whose file lists it. {@link java.util.ServiceLoader} does the loading; this
 * index only lets discovery say which jar a broken entry came from, which ServiceLoader's errors
 * do not.
 */
final class ServiceEntries {

    private final Map<String, String> sourceByClass = new LinkedHashMap<>();

    private ServiceEntries() {
    }

    /** Reads every services file of {@code service} that {@code loader} sees, in class path order. */
    static ServiceEntries read(ClassLoader loader, Class<?> service) {
        String resource = "META-INF/services/" + service.getName();
        ServiceEntries entries = new ServiceEntries();
        try {
            for (URL file : Collections.list(loader.getResources(resource))) {
                entries.add(file, resource);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + resource, e);
        }
        return entries;
    }

    private void add(URL file, String resource) {
        String source = display(file, resource);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
            in.lines().map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty())
                    .forEach(name -> sourceByClass.putIfAbsent(name, source));
        } catch (IOException e) {
            // ServiceLoader reports an unreadable file itself; its entries simply have no known source
        }
    }

    /** The jar or directory whose services file lists {@code className}; "an unknown location" if none does. */
    String source(String className) {
        return sourceByClass.getOrDefault(className, "an unknown location");
    }

    /** The listed class that {@code message} names as a whole word (the longest, if several), or null. */
    String classNamedIn(String message) {
        String found = null;
        for (String name : sourceByClass.keySet()) {
            boolean named = Pattern.compile("(^|[^\\w.$])" + Pattern.quote(name) + "($|[^\\w.$])").matcher(message).find();
            if (named && (found == null || name.length() > found.length())) {
                found = name;
            }
        }
        return found;
    }

    /** Where a class was loaded from, as a file system path where possible: {@code /opt/plugins/acme.jar}. */
    static String sourceOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "an unknown location" : display(source.getLocation(), "");
    }

    /** The jar or directory holding {@code resource} at {@code url}, as a path where possible. */
    private static String display(URL url, String resource) {
        String s = url.toString();
        if (s.startsWith("jar:") && s.contains("!/")) {
            s = s.substring(4, s.indexOf("!/"));
        } else if (!resource.isEmpty() && s.endsWith(resource)) {
            s = s.substring(0, s.length() - resource.length());
        }
        try {
            return Path.of(URI.create(s)).toString();
        } catch (RuntimeException e) {
            return s;
        }
    }
}
