package io.trainscope.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code trainscope gradcheck}: a correct network passes with status 0 and its table, a network
 * with a test plugin whose derivative is wrong fails with status 1 naming the tensors, and ND4J's
 * defaults are left as they were.
 */
class GradcheckCommandTest {

    @TempDir
    static Path dir;
    private static CliRun healthy;
    private static DataType before;

    @BeforeAll
    static void checkAHealthyNetwork() throws IOException {
        before = Nd4j.dataType();
        healthy = CliRun.of("gradcheck", config("healthy", "[{units: 6, activation: relu, init: he-normal}, "
                + "{units: 5, activation: tanh, dropout: 0.2}, {units: 4, activation: sigmoid}]", "[batchnorm]"),
                "--entries", "10");
    }

    private static String config(String name, String layers, String normalizers) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), """
                name: %s
                data: {source: iris}
                model: {layers: %s, init: xavier-normal, normalizers: %s}
                training: {seed: 5}
                """.formatted(name, layers, normalizers)).toString();
    }

    @Test
    void aHealthyNetworkPassesWithItsTable() {
        assertThat(healthy.status()).as(healthy.err()).isZero();
        assertThat(healthy.out()).startsWith("gradient check of healthy: network seed 5, the first 16 training examples")
                .contains("this config had dropout 0.2 of hidden-1", "hidden-0 W", "10 of 24",
                        "hidden-2 batchnorm gamma", "output b").containsPattern("(?m)^PASS: every tensor agrees");
        assertThat(healthy.err()).isEmpty();
    }

    @Test
    void aSweepHasEveryRunsNetworkChecked() throws IOException {
        Path sweep = Files.writeString(dir.resolve("sweep.yaml"), """
                name: two
                data: {source: iris}
                model: {hidden: [5], activation: tanh}
                sweep:
                  model.activation: [swish, {name: leaky-relu, negative-slope: 0.1}]
                """);

        CliRun run = CliRun.of("gradcheck", sweep.toString(), "--entries", "5");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("gradient check of two-", "sweep: 2 runs checked, 2 pass");
        assertThat(run.out().lines().filter(l -> l.startsWith("PASS: every tensor agrees")).count()).isEqualTo(2);
    }

    @Test
    void leavesNd4jsDefaultDataTypeAsItWas() {
        assertThat(Nd4j.dataType()).isEqualTo(before);
    }

    @Test
    void aPluginWithAWrongDerivativeFailsWithTheTensorsNamed() throws IOException {
        String config = config("broken", "[{units: 6, activation: relu}, {units: 5, activation: forgotten-square-tanh}]",
                "[]");
        URL services = GradcheckCommandTest.class.getResource("/broken-activation/");
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        CliRun run;
        try (URLClassLoader loader = new URLClassLoader(new URL[]{services}, original)) {
            thread.setContextClassLoader(loader);
            run = CliRun.of("gradcheck", config);
        } finally {
            thread.setContextClassLoader(original);
        }

        assertThat(run.status()).as(run.err()).isEqualTo(TrainscopeCli.FAILED);
        assertThat(run.err()).isEqualTo("trainscope: gradient check failed: hidden-0 W, hidden-0 b, hidden-1 W, "
                + "hidden-1 b disagree with the central difference" + System.lineSeparator());
        assertThat(run.out()).containsPattern("hidden-1 W\\s+30 of 30 .* NO: \\d+ of 30")
                .containsPattern("output W\\s+15 of 15 .* yes")
                .contains("FAIL: the analytic gradient disagrees with the central difference in hidden-0 W");
    }
}
