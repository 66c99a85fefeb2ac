package io.trainscope.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the examples find the repository's configs and the data sets, wherever they are started
 * from: {@code ./trainscope example} sets the system property {@code trainscope.home} to the
 * repository; without it the working directory is the repository or its {@code examples} module.
 * The data sets default to {@code ../shared/datasets} beside the repository; the environment
 * variable {@code TRAINSCOPE_DATASETS} (or the property {@code trainscope.datasets}) points elsewhere,
 * and each example's {@code --data} wins over both.
 */
public final class ExamplePaths {

    private ExamplePaths() {
    }

    /** The repository's root folder. */
    public static Path home() {
        String home = System.getProperty("trainscope.home");
        if (home != null) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        return Files.isDirectory(cwd.resolve("examples/configs")) ? cwd : cwd.getParent();
    }

    /** {@code examples/configs}. */
    public static Path configs() {
        return home().resolve("examples").resolve("configs");
    }

    /** The folder holding the data sets ({@code mnist}, {@code fashion-mnist-sample}). */
    public static Path datasets() {
        String chosen = System.getProperty("trainscope.datasets", System.getenv("TRAINSCOPE_DATASETS"));
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen).toAbsolutePath().normalize();
        }
        return home().resolve("..").resolve("shared").resolve("datasets").normalize();
    }

    /** MNIST's folder (its {@code t10k} IDX files). */
    public static Path mnist() {
        return datasets().resolve("mnist");
    }
}
