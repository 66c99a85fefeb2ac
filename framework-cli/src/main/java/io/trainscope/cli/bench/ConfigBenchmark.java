package io.trainscope.cli.bench;

import io.trainscope.core.config.ConfigException;
import io.trainscope.core.config.ConfigLimits;
import io.trainscope.core.config.ConfigLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * How long reading a config takes, apart from everything else: the benchmarked config itself, the
 * worst config within the limits (one scalar as long as the size limit allows, whose parse time
 * grows with the square of its length), and the refusal of a 5 MB file and of a too deeply nested
 * one. This is the time bound of bad input; no test asserts a time.
 */
public final class ConfigBenchmark {

    /** Seconds per case; {@code refused} whether each bad file was refused (it must be). */
    public record Result(Stats config, Stats largestScalar, Stats oversized, Stats tooDeep, boolean refused) {
    }

    private ConfigBenchmark() {
    }

    /** Measures {@code rounds} times after one warm-up, writing its test files into {@code scratch}. */
    public static Result run(Path config, int rounds, Path scratch) throws IOException {
        Path largest = Files.writeString(scratch.resolve("largest.yaml"), "data: {source: csv, path: "
                + "x".repeat(ConfigLimits.MAX_BYTES - 200) + "}\nmodel: {hidden: [4]}\n");
        Path oversized = Files.writeString(scratch.resolve("oversized.yaml"), "name: " + "x".repeat(5_000_000) + "\n");
        Path deep = Files.writeString(scratch.resolve("deep.yaml"), "data: iris\nmodel: {hidden: "
                + "[".repeat(ConfigLimits.MAX_DEPTH + 1) + "4" + "]".repeat(ConfigLimits.MAX_DEPTH + 1) + "}\n");
        ConfigLoader loader = new ConfigLoader();
        boolean[] refused = {true};
        Stats c = time(rounds, () -> loader.load(config));
        Stats l = time(rounds, () -> loader.load(largest));
        Stats o = time(rounds, () -> refused(loader, oversized, refused));
        Stats d = time(rounds, () -> refused(loader, deep, refused));
        return new Result(c, l, o, d, refused[0]);
    }

    private static Object refused(ConfigLoader loader, Path file, boolean[] refused) {
        try {
            loader.load(file);
            refused[0] = false;
        } catch (ConfigException expected) {
            // the point: refused with a message
        }
        return file;
    }

    private static Stats time(int rounds, Supplier<?> task) {
        double[] seconds = new double[rounds];
        for (int r = -1; r < rounds; r++) {
            long t0 = System.nanoTime();
            task.get();
            if (r >= 0) {
                seconds[r] = (System.nanoTime() - t0) / 1e9;
            }
        }
        return Stats.of(seconds);
    }
}
