package io.trainscope.cli.example;

import io.trainscope.core.TrainscopeException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runnable examples on the classpath, as the examples jar lists them in {@value #RESOURCE}:
 * one line per example, {@code name<TAB>main class<TAB>one-line description}; blank lines and lines
 * starting with {@code #} are skipped. The command line knows examples only through this file, so
 * framework-cli does not depend on the examples module (the launcher puts its jar on the classpath).
 */
public final class ExampleCatalogue {

    /** Where each jar lists its examples. */
    public static final String RESOURCE = "META-INF/trainscope/examples.tsv";

    private final Map<String, Entry> entries;

    private ExampleCatalogue(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /**
     * One example.
     *
     * @param name        what {@code trainscope example NAME} calls it
     * @param mainClass   the class whose {@code main(String[])} runs it
     * @param description one line for the list
     */
    public record Entry(String name, String mainClass, String description) {
    }

    /** The examples every {@value #RESOURCE} on the class loader's path lists, in the order listed. */
    public static ExampleCatalogue load(ClassLoader loader) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                read(url, entries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExampleCatalogue(entries);
    }

    private static void read(URL url, Map<String, Entry> entries) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 3) {
                    throw new TrainscopeException(url + " line " + number
                            + ": expected 'name<TAB>main class<TAB>description', got '" + line + "'");
                }
                Entry e = new Entry(parts[0].strip(), parts[1].strip(), parts[2].strip());
                Entry before = entries.putIfAbsent(e.name(), e);
                if (before != null && !before.equals(e)) {
                    throw new TrainscopeException("two examples are named '" + e.name() + "': " + before.mainClass()
                            + " and " + e.mainClass() + " (" + url + "); rename one");
                }
            }
        }
    }

    /** Whether no example is on the classpath. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The examples, in the order listed. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The names, in the order listed. */
    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    /** The example named {@code name}. */
    public Optional<Entry> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }
}
