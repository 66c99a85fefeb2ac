package io.trainscope.cli.realdata;

import io.trainscope.cli.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code trainscope train examples/configs/lenet-mnist.yaml}, trained for real: the LeNet-style CNN
 * reaches at least 97% test accuracy on the MNIST t10k split (the bar; the README states
 * the measured figure), and its report counts channels for the convolutions. Tagged
 * {@code real-data} (a few minutes of training): {@code .ci/run} runs it as its own step. Skipped,
 * saying why, where the shared MNIST copy is absent.
 */
@Tag("real-data")
class LenetMnistAccuracyTest {

    private static final Pattern TEST_LINE = Pattern.compile("\\n  test: [^\\n]*accuracy (0\\.\\d+)");

    @Test
    void lenetReachesNinetySevenPercentAndItsReportCountsChannels(@TempDir Path runs) throws IOException {
        Path root = repositoryRoot();
        Path config = root.resolve("examples/configs/lenet-mnist.yaml");
        Path mnist = config.getParent().resolve("../../../shared/datasets/mnist").normalize();
        assumeTrue(Files.isRegularFile(mnist.resolve("t10k-images-idx3-ubyte.gz")), "MNIST's t10k files are not at "
                + mnist + " (the shared data sets beside the repository): skipping the LeNet MNIST check");

        CliRun run = CliRun.of("train", config.toString(), "-o", runs.toString(), "-q");
        assertThat(run.status()).as(run.err()).isZero();
        System.out.println("LeNet MNIST check: " + run.out().strip().replace('\n', ' '));
        Matcher test = TEST_LINE.matcher(run.out());
        assertThat(test.find()).as(run.out()).isTrue();
        assertThat(Double.parseDouble(test.group(1))).as("test accuracy").isGreaterThanOrEqualTo(0.97);
        try (Stream<Path> folders = Files.list(runs)) {
            Path folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
            assertThat(Files.readString(folder.resolve("report.html"))).contains("channels");
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("examples/configs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
