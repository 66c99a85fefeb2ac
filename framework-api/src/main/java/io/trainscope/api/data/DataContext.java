package io.trainscope.api.data;

import io.trainscope.api.StableApi;

import java.nio.file.Path;

/**
 * What a {@link DataSource} may know about the run it loads data for.
 *
 * @param seed          the data seed of the run
 * @param baseDirectory the directory relative paths in the config are resolved against
 *                      (the config file's directory)
 * @param cacheDirectory a directory where downloaded or converted data may be kept across runs
 */
@StableApi(since = "0.1")
public record DataContext(long seed, Path baseDirectory, Path cacheDirectory) {

    /** Resolves a path from the config against {@link #baseDirectory()}. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : baseDirectory.resolve(p).normalize();
    }
}
