package io.trainscope.examples.embedding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This module's entry of {@code ./trainscope example} ({@code META-INF/trainscope/examples.tsv}),
 * run as the command line's {@code example} command runs it: its class's {@code main} with the
 * arguments after the name. It prints every epoch of both runs from the application's live feed,
 * the trained model's predictions for a setosa and a virginica, and its own network's accuracy.
 * The entry also needs a README row with its command and a picture. (The command line itself is
 * not on this module's classpath: the build bans it, see the pom.)
 */
class EmbeddingExampleTest {

    private static final String CATALOGUE = "META-INF/trainscope/examples.tsv";

    @TempDir
    Path runs;

    private static List<String[]> entries() throws IOException {
        try (InputStream in = EmbeddedApplication.class.getClassLoader().getResourceAsStream(CATALOGUE)) {
            assertThat(in).as(CATALOGUE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")).toList();
        }
    }

    @Test
    void theOneEntryRunsItsMainAndPrintsTheFeedThePredictionsAndTheOwnNetworksAccuracy() throws Exception {
        List<String[]> entries = entries();
        assertThat(entries).as("each entry of " + CATALOGUE + " needs a check here").hasSize(1);
        assertThat(entries.get(0)[0]).isEqualTo("embedding");
        Method main = Class.forName(entries.get(0)[1]).getMethod("main", String[].class);
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            main.invoke(null, (Object) new String[]{runs.toString()});
        } finally {
            System.setOut(original);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        original.print(printed);
        assertThat(printed.lines().filter(l -> l.contains(" epoch ") && l.contains("training loss")))
                .hasSize(2 * EmbeddedApplication.EPOCHS);
        assertThat(printed).contains("predicts [0, 2] for a setosa and a virginica");
        Matcher accuracy = Pattern.compile("own network: (\\S+), validation accuracy (\\d\\.\\d+)").matcher(printed);
        assertThat(accuracy.find()).as(printed).isTrue();
        assertThat(Double.parseDouble(accuracy.group(2))).isGreaterThan(0.8);
        assertThat(Path.of(accuracy.group(1))).isDirectory();
    }

    @Test
    void theEntryHasAReadmeRowWithItsCommandAndAPicture() throws IOException {
        Path home = Path.of("").toAbsolutePath().getParent();
        String row = Files.readString(home.resolve("README.md")).lines()
                .filter(l -> l.startsWith("| `./trainscope example embedding")).findFirst().orElse(null);
        assertThat(row).as("README's examples table has no row for 'embedding'").isNotNull();
        Matcher picture = Pattern.compile("!\\[[^]]*]\\((docs/images/[^)]+\\.png)\\)").matcher(row);
        assertThat(picture.find()).as(row).isTrue();
        assertThat(home.resolve(picture.group(1))).isRegularFile();
    }
}
