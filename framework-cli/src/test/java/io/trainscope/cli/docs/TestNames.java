package io.trainscope.cli.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The tests a page names ({@code LongRunMemoryTest}, {@code TrainingBehaviourTest.someMethod}) that do not exist. */
final class TestNames {

    private static final Pattern NAMED = Pattern.compile("\\b([A-Z][A-Za-z0-9]*Test)(?:\\.([a-z][A-Za-z0-9]*))?\\b");
    private static Map<String, Path> sources;

    private TestNames() {
    }

    static List<String> missing(Markdown page, Path root) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < page.lines().size(); i++) {
            Matcher m = NAMED.matcher(page.lines().get(i));
            while (m.find()) {
                Path source = testSources(root).get(m.group(1));
                String method = m.group(2);
                if (source == null) {
                    missing.add(page.name() + ":" + (i + 1) + ": no test class " + m.group(1));
                } else if (method != null && !method.equals("java") && !read(source).contains(" " + method + "(")) {
                    missing.add(page.name() + ":" + (i + 1) + ": " + m.group(1) + " has no method " + method);
                }
            }
        }
        return missing;
    }

    private static synchronized Map<String, Path> testSources(Path root) {
        if (sources == null) {
            try (Stream<Path> files = Files.walk(root)) {
                sources = files.filter(f -> f.toString().contains("/src/test/java/") && f.toString().endsWith("Test.java"))
                        .collect(Collectors.toMap(f -> f.getFileName().toString().replace(".java", ""), f -> f, (a, b) -> a));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
