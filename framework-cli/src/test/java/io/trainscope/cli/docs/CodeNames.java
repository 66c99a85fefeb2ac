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

/**
 * The code a page names that does not exist: a test class ({@code LongRunMemoryTest}) that is not
 * in the repository, and a method ({@code Trainer.trainOn}, {@code TrainingBehaviourTest.someTest})
 * that the repository's class of that name does not mention ({@code X.class}, a class literal, names no member).
 */
final class CodeNames {

    private static final Pattern NAMED = Pattern.compile("\\b([A-Z][A-Za-z0-9]*)\\.([a-z][A-Za-z0-9]*)\\b");
    private static final Pattern TEST = Pattern.compile("\\b([A-Z][A-Za-z0-9]*Test)\\b");
    private static Map<String, Path> sources;

    private CodeNames() {
    }

    static List<String> missing(Markdown page, Path root) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < page.lines().size(); i++) {
            String line = page.lines().get(i);
            String where = page.name() + ":" + (i + 1) + ": ";
            Matcher t = TEST.matcher(line);
            while (t.find()) {
                if (!sources(root).containsKey(t.group(1))) {
                    missing.add(where + "no test class " + t.group(1));
                }
            }
            Matcher m = NAMED.matcher(line);
            while (m.find()) {
                Path source = sources(root).get(m.group(1));
                String member = m.group(2);
                if (source != null && !member.equals("java") && !member.equals("class") && !Pattern.compile("\\b" + member + "\\b").matcher(read(source)).find()) {
                    missing.add(where + m.group(1) + " has no " + member);
                }
            }
        }
        return missing;
    }

    private static synchronized Map<String, Path> sources(Path root) {
        if (sources == null) {
            try (Stream<Path> files = Files.walk(root)) {
                sources = files.filter(f -> f.toString().contains("/src/") && f.toString().endsWith(".java"))
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
