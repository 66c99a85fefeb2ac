package io.trainscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad config text and broken plugins through the command line: exit status 2 and one line for
 * what cannot be used; a broken plugin that a command does not need is listed, not fatal.
 */
class BadInputCliTest {

    @Test
    void aKeyGivenTwiceIsOneLineNamingBothLinesAndStatusTwo(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("twice.yaml"),
                "data: iris\nmodel: {hidden: [4]}\nmodel: {hidden: [8]}\n");
        CliRun run = CliRun.of("train", config.toString(), "-o", dir.toString());
        assertThat(run.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(run.err()).isEqualTo("trainscope: error: model: given twice, on lines 2 and 3; a key may appear once "
                + "in a map (YAML would silently keep the last): remove or merge one" + System.lineSeparator());
    }

    @Test
    void anInfiniteLearningRateIsBadInput(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("inf.yaml"),
                "data: iris\nmodel: {hidden: [4]}\ntraining: {optimizer: {name: sgd, learning-rate: 1e400}}\n");
        CliRun run = CliRun.of("train", config.toString(), "-o", dir.toString());
        assertThat(run.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(run.err()).isEqualTo("trainscope: error: training.optimizer.learning-rate: must be a finite number, "
                + "got 1e400, outside the range of a double (about -1.8e308 to 1.8e308)" + System.lineSeparator());
    }

    @Test
    void evaluateRefusesADataFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
        Path data = Files.write(dir.resolve("data.yaml"), "source: idx\npath: caf\u00e9\n".getBytes("ISO-8859-1"));
        CliRun run = CliRun.of("evaluate", dir.toString(), "--data", data.toString());
        assertThat(run.status()).isEqualTo(TrainscopeCli.BAD_INPUT);
        assertThat(run.err()).isEqualTo("trainscope: error: " + data + " is not UTF-8 text: the byte 0xE9 at offset 21 "
                + "(line 2) is not valid UTF-8; save the file as UTF-8" + System.lineSeparator());
    }

    @Test
    void pluginsListsABrokenPluginWithItsJarAndReasonAndStillSucceeds(@TempDir Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("io.trainscope.api.activation.Activation"), "com.acme.Swish\n");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, before)) {
            Thread.currentThread().setContextClassLoader(loader);
            CliRun run = CliRun.of("plugins", "--family", "activation");
            assertThat(run.status()).isZero();
            assertThat(run.out()).startsWith("activations (").contains(", 1 broken)").contains("  relu ")
                    .contains("  broken: the activation com.acme.Swish from " + dir + " cannot be used: the class is "
                            + "not found (the services file lists it, but no jar on the classpath holds it); fix the "
                            + "plugin or remove " + dir + " from the classpath" + System.lineSeparator());
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }
}
