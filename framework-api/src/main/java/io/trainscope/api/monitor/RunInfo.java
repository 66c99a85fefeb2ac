package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

import java.nio.file.Path;

/**
 * The identity of a training run.
 *
 * @param name      the experiment name from the config
 * @param seed      the seed of this run
 * @param directory the run folder ({@code runs/<name>-<timestamp>/}); null when the run writes nothing
 */
@StableApi(since = "0.1")
public record RunInfo(String name, long seed, Path directory) {
}
