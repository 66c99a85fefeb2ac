package io.trainscope.examples;

import io.trainscope.cli.TrainscopeCli;
import io.trainscope.cli.example.ExampleCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every example of the catalogue ({@code META-INF/trainscope/examples.tsv}) run as
 * {@code ./trainscope example NAME ARGS} runs it (the command line's {@code example} command, in
 * this JVM), on reduced sizes, with a check of the key result it prints ({@link ExampleChecks}).
 * An example added to the catalogue without a reduced run and a check here, or without a README
 * row with its command and a picture, fails the build. Examples whose data set is not beside the
 * repository are skipped with a message.
 */
class EveryExampleTest {

    @TempDir
    static Path runs;

    static List<String> catalogue() {
        return ExampleCatalogue.load(EveryExampleTest.class.getClassLoader()).names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void runsThroughTheExampleCommandOnReducedSizesAndPrintsItsKeyResult(String name) throws IOException {
        ExampleChecks.Reduced reduced = ExampleChecks.REDUCED.get(name);
        assertThat(reduced).as("example '" + name + "' has no reduced run and key-result check in ExampleChecks.REDUCED; "
                + "add one").isNotNull();
        if (reduced.data() != null) {
            Path data = ExamplePaths.datasets().resolve(reduced.data());
            assumeTrue(Files.isDirectory(data), data + " is not there: example " + name + " is skipped");
        }
        Path out = Files.createDirectories(runs.resolve(name));
        List<String> args = reduced.args().stream().map(a -> a.replace("OUT", out.toString())).toList();
        Printed printed = run(name, args);
        reduced.check().accept(printed);
    }

    @Test
    void theChecksNameOnlyCatalogueExamples() {
        assertThat(catalogue()).containsAll(ExampleChecks.REDUCED.keySet());
    }

    @Test
    void everyExampleHasAReadmeRowWithItsCommandAndAPictureFromItsReport() throws IOException {
        Path home = ExamplePaths.home();
        String readme = Files.readString(home.resolve("README.md"));
        Pattern picture = Pattern.compile("!\\[[^]]*]\\((docs/images/[^)]+\\.png)\\)");
        for (String name : catalogue()) {
            String row = readme.lines().filter(l -> l.startsWith("| `./trainscope example " + name + "`")
                    || l.startsWith("| `./trainscope example " + name + " ")).findFirst().orElse(null);
            assertThat(row).as("README's examples table has no row '| `./trainscope example " + name + "` | ...'")
                    .isNotNull();
            Matcher m = picture.matcher(row);
            assertThat(m.find()).as("README row of " + name + " has no picture ![...](docs/images/....png): " + row)
                    .isTrue();
            assertThat(home.resolve(m.group(1))).isRegularFile();
        }
    }

    /** Runs {@code trainscope example NAME ARGS} and returns what it printed; it must succeed. */
    private static Printed run(String name, List<String> args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status;
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            String[] line = new String[args.size() + 2];
            line[0] = "example";
            line[1] = name;
            for (int i = 0; i < args.size(); i++) {
                line[i + 2] = args.get(i);
            }
            status = TrainscopeCli.execute(line);
        } finally {
            System.setOut(original);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        original.print(text);
        assertThat(status).as("exit status of ./trainscope example " + name + " " + String.join(" ", args) + ":\n" + text)
                .isZero();
        return new Printed(text);
    }
}
