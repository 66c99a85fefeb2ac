package io.trainscope.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java snippets are compiled example code: every line between an example's
 * {@code // --- README snippet: ... ---} and {@code // --- end of snippet ---} is in the README.
 */
class ReadmeSnippetsTest {

    private static final Path EXAMPLES = Path.of("src/main/java");
    private static final Path README = Path.of("../README.md");

    @Test
    void everyMarkedSnippetIsInTheReadmeLineForLine() throws IOException {
        List<String> readme = Files.readAllLines(README).stream().map(String::strip).toList();
        List<String> snippets = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                boolean inside = false;
                for (String line : Files.readAllLines(file)) {
                    if (line.contains("// --- README snippet")) {
                        inside = true;
                        snippets.add(file.getFileName().toString());
                    } else if (line.contains("// --- end of snippet")) {
                        inside = false;
                    } else if (inside && !line.isBlank()) {
                        assertThat(readme).as("%s: %s", file.getFileName(), line.strip()).contains(line.strip());
                    }
                }
            }
        }
        assertThat(snippets).contains("EmbeddedTraining.java", "LeNetMnist.java");
    }
}
