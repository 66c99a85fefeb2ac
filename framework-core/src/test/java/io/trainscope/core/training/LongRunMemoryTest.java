package io.trainscope.core.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainscope.core.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Long runs: memory stays flat with every monitor on (docs/reliability.md, "Long runs"). */
class LongRunMemoryTest {

    /**
     * Every monitor, each on every iteration it can sample, the dead-neuron pass after every epoch,
     * Adam (whose state is two floats per parameter: 1.1 MiB here), checkpoints, a validation split,
     * a last batch smaller than the others (336 = 5 x 64 + 16), and a held-out test split that, as
     * in a real run, keeps a data set in native memory (12 MiB in all).
     */
    private static final String EVERY_MONITOR = """
            name: long-run
            data:
              source: gaussian-classification
              samples: 4420
              features: 256
              classes: 4
              labels: linear
              split: {train: 0.076, validation: 0.019, test: 0.9}
            model: {hidden: [384, 128], activation: relu, init: he-normal}
            training:
              optimizer: {name: adam, learning-rate: 0.001}
              epochs: 50
              batch-size: 64
              seed: 1
              checkpoints: {every-epochs: 10, keep-last: 1}
            monitors:
              - {name: histograms, every: 1}
              - {name: saturation, every: 1}
              - {name: variance-flow, every: 1}
              - initial-loss
              - {name: update-ratio, every: 1}
              - {name: symmetry, every: 1}
              - {name: dead-neurons, every-epochs: 1}
              - {name: gradient-norms, every: 1}
              - {name: non-finite, every: 1}
            """;

    /**
     * The launcher's collector, with a young generation scaled down with the epoch (8 MiB for 6
     * iterations, about two young collections per epoch) so that what lives for an epoch is
     * promoted as it is in a real run with the launcher's 64 MiB and hundreds of iterations per
     * epoch; the heap fixed and touched at start-up so that the resident set size moves with native
     * memory only; no full collection for class metadata; and the client compiler only: in a run
     * this short the server compiler is still at work between epochs 10 and 50 (its arenas and code
     * cache grew by 18 MB there, measured with native memory tracking).
     */
    private static final List<String> CHILD_JVM = List.of("-XX:+UseParallelGC", "-Xmn8m", "-Xms256m", "-Xmx256m",
            "-XX:+AlwaysPreTouch", "-XX:MetaspaceSize=128m", "-XX:TieredStopAtLevel=1");

    @Test
    void memoryAfterEpoch50StaysWithin5PercentOfEpoch10WithEveryMonitorOn(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("long-run.yaml");
        Files.writeString(config, EVERY_MONITOR);
        Path run = trainInItsOwnJvm(config, dir.resolve("runs"), dir.resolve("child.log"));

        Map<Integer, Double> resident = perEpoch(run, TrainerMetrics.RESIDENT_MEMORY.name());
        Map<Integer, Double> nd4j = perEpoch(run, TrainerMetrics.NATIVE_MEMORY.name());
        String series = "resident MiB " + every5th(resident) + "; ND4J native MiB " + every5th(nd4j);
        assertThat(resident).as(series).hasSize(50);
        assertThat(nd4j).as(series).hasSize(50);
        assertThat(resident.get(49)).as("resident memory after epoch 50 against epoch 10: " + series)
                .isLessThanOrEqualTo(1.05 * resident.get(9));
        assertThat(nd4j.get(49)).as("ND4J native memory after epoch 50 against epoch 10: " + series)
                .isLessThanOrEqualTo(1.05 * nd4j.get(9));
    }

    /** Trains {@code config} in a JVM of its own (one thread for ND4J, as the launcher sets); returns the run folder. */
    private static Path trainInItsOwnJvm(Path config, Path runs, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CHILD_JVM);
        command.addAll(List.of("-cp", classpath(), LongRunChild.class.getName(), config.toString(), runs.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process child = builder.start();
        boolean finished = child.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            child.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("the training JVM did not finish within 5 minutes; its output:%n%s", output).isTrue();
        assertThat(child.exitValue()).as("the training JVM's exit status; its output:%n%s", output).isZero();
        try (var folders = Files.list(runs)) {
            return folders.findFirst().orElseThrow();
        }
    }

    /** The test classpath: Surefire's, or this JVM's own. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** A trainer metric's value at every epoch end, by epoch (from 0), read from the run's metrics.jsonl. */
    private static Map<Integer, Double> perEpoch(Path run, String metric) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<Integer, Double> values = new TreeMap<>();
        for (String line : Files.readAllLines(run.resolve(RunFolder.METRICS))) {
            JsonNode m = json.readTree(line);
            if (metric.equals(m.path("metric").asText()) && TrainerMetrics.SOURCE.equals(m.path("monitor").asText())) {
                values.put(m.path("epoch").asInt(), m.path("value").asDouble());
            }
        }
        return values;
    }

    private static String every5th(Map<Integer, Double> values) {
        return values.entrySet().stream().filter(e -> e.getKey() % 5 == 4)
                .map(e -> String.format("%d:%.1f", e.getKey() + 1, e.getValue())).collect(Collectors.joining(" "));
    }
}
