package io.trainscope.plugins.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared real data sets ({@code ../shared/datasets} beside the repository): the system
 * property {@code trainscope.datasets}, else the environment variable {@code TRAINSCOPE_DATASETS},
 * else the first {@code shared/datasets} found walking up from the working directory.
 */
final class SharedDatasets {

    static final String HOW_TO = "set -Dtrainscope.datasets=DIR or TRAINSCOPE_DATASETS=DIR to the directory "
            + "holding mnist/ and fashion-mnist-sample/ to run this test";

    private SharedDatasets() {
    }

    /** The data set directory {@code name} under the shared datasets, if present. */
    static Optional<Path> find(String name) {
        return root().map(r -> r.resolve(name)).filter(Files::isDirectory);
    }

    static Optional<Path> root() {
        String configured = System.getProperty("trainscope.datasets");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("TRAINSCOPE_DATASETS");
        }
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
