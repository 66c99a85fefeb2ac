package io.trainscope.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the examples come from and how they are split.
 *
 * @param source   the data source plugin and its parameters
 * @param part     which part of the loaded data to split (null: {@code train} if present, else the first)
 * @param testPart a part used whole as the test set (IDX's {@code t10k}), or null
 * @param split    the fractions of {@code part} used for training, validation and test
 * @param baseDirectory the directory relative data paths are resolved against: {@code base-directory}
 *                 in the config, else the config file's directory, else the working directory
 */
public record DataSpec(PluginRef source, String part, String testPart, SplitSpec split, Path baseDirectory) {

    public DataSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(split, "split");
        baseDirectory = (baseDirectory == null ? Path.of("") : baseDirectory).toAbsolutePath().normalize();
    }
}
