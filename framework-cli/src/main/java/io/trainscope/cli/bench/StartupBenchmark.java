package io.trainscope.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Command-line start-up through the launcher: {@code trainscope --help} (which must not start
 * ND4J), {@code trainscope plugins}, and the time from process start to the first training
 * iteration (read from the run's {@code run.json}, where the trainer records the JVM's uptime at
 * its first iteration).
 */
public final class StartupBenchmark {

    /** Wall seconds of each, medians over the repetitions. */
    public record Result(Stats help, Stats plugins, Stats firstIteration) {
    }

    private StartupBenchmark() {
    }

    /** Runs each command {@code reps} times with the launcher at {@code launcher}; {@code config} is trained for one epoch. */
    public static Result run(Path launcher, Path config, int reps) throws IOException, InterruptedException {
        double[] help = new double[reps];
        double[] plugins = new double[reps];
        double[] first = new double[reps];
        Path out = Files.createTempDirectory("trainscope-bench");
        for (int i = 0; i < reps; i++) {
            help[i] = wall(List.of(launcher.toString(), "--help"));
            plugins[i] = wall(List.of(launcher.toString(), "plugins"));
            Path runs = out.resolve("r" + i);
            wall(List.of(launcher.toString(), "train", config.toString(), "--epochs", "1", "-q", "--no-report",
                    "-o", runs.toString()));
            first[i] = firstIterationSeconds(runs);
        }
        return new Result(Stats.of(help), Stats.of(plugins), Stats.of(first));
    }

    private static double wall(List<String> command) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return Double.NaN;
        }
        return p.exitValue() == 0 ? (System.nanoTime() - t0) / 1e9 : Double.NaN;
    }

    private static double firstIterationSeconds(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return Double.NaN;
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path dir : dirs.toList()) {
                Path run = dir.resolve("run.json");
                if (Files.exists(run)) {
                    var node = new ObjectMapper().readTree(run.toFile()).get("startup_seconds");
                    return node == null ? Double.NaN : node.asDouble();
                }
            }
        }
        return Double.NaN;
    }

}
