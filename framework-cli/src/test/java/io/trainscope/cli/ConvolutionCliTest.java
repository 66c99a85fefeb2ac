package io.trainscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small CNN on a handful of IDX images, end to end: it trains (the loss falls), its report counts
 * channels, and resume and evaluate rebuild the same network from the run's checkpoint (which
 * holds the image shape the convolutions need).
 */
class ConvolutionCliTest {

    private static final int IMAGES = 96;
    private static final int SIDE = 8;

    @TempDir
    static Path root;
    private static Path run;
    private static CliRun trained;

    @BeforeAll
    static void trainTwoEpochs() throws IOException {
        writeIdx(root.resolve("idx"));
        Path config = Files.writeString(root.resolve("cnn.yaml"), """
                name: cnn
                data: {source: idx, path: idx, split: {train: 0.75, test: 0.25, seed: 3}}
                model:
                  layers:
                    - {type: conv2d, filters: 4, kernel: 3, padding: 1}
                    - {type: max-pool, kernel: 2}
                    - {type: conv2d, filters: 4, kernel: 3}
                    - {units: 8}
                training: {optimizer: {name: adam, learning-rate: 0.01}, epochs: 2, batch-size: 16, seed: 5}
                monitors: [dead-neurons, saturation, gradient-norms]
                """);
        trained = CliRun.of("train", config.toString(), "-o", root.resolve("runs").toString(), "-q");
        assertThat(trained.status()).as(trained.err()).isZero();
        try (Stream<Path> runs = Files.list(root.resolve("runs"))) {
            run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    /** Digits 0 and 1 as a bright left or right half of the image, with noise. */
    private static void writeIdx(Path dir) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(1);
        ByteBuffer images = ByteBuffer.allocate(16 + IMAGES * SIDE * SIDE).putInt(0x803).putInt(IMAGES).putInt(SIDE)
                .putInt(SIDE);
        ByteBuffer labels = ByteBuffer.allocate(8 + IMAGES).putInt(0x801).putInt(IMAGES);
        for (int i = 0; i < IMAGES; i++) {
            int label = i % 2;
            labels.put((byte) label);
            for (int p = 0; p < SIDE * SIDE; p++) {
                boolean bright = (p % SIDE < SIDE / 2) == (label == 0);
                images.put((byte) ((bright ? 150 : 0) + random.nextInt(100)));
            }
        }
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images.array());
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), labels.array());
    }

    private static List<Double> trainingLosses() throws IOException {
        List<Double> losses = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            JsonNode m = json.readTree(line);
            if ("train.loss".equals(m.path("metric").asText())) {
                losses.add(m.get("value").asDouble());
            }
        }
        return losses;
    }

    @Test
    void theCnnTrainsAndItsReportCountsChannels() throws IOException {
        List<Double> losses = trainingLosses();
        assertThat(losses).hasSizeGreaterThanOrEqualTo(2);
        assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0));
        String report = Files.readString(run.resolve("report.html"));
        assertThat(report).contains("hidden-0", "hidden-1", "channels");
        JsonNode layers = new ObjectMapper().readTree(run.resolve("run.json").toFile()).path("network").path("layers");
        assertThat(layers.get(0).get("kind").asText()).isEqualTo("conv2d");
        assertThat(layers.get(2).get("kind").asText()).isEqualTo("dense");
    }

    @Test
    void resumeAndEvaluateRebuildTheNetworkFromTheCheckpoint() {
        CliRun resumed = CliRun.of("train", "--resume", run.toString(), "--epochs", "3", "--seed", "5", "-q", "--no-report");
        assertThat(resumed.status()).as(resumed.err()).isZero();
        CliRun evaluated = CliRun.of("evaluate", run.toString());
        assertThat(evaluated.status()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("test split", "(24 examples)");
    }
}
