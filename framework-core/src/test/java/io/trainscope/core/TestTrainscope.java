package io.trainscope.core;

import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.ExperimentSpec;
import io.trainscope.core.config.ResolvedExperiment;

import java.nio.file.Path;

/** One {@link Trainscope} per test JVM (plugin discovery and Guice wiring happen once), and config helpers. */
public final class TestTrainscope {

    private static Trainscope instance;

    private TestTrainscope() {
    }

    /** The shared instance with the standard plugins and the test plugins of this module. */
    public static synchronized Trainscope get() {
        if (instance == null) {
            instance = Trainscope.create();
        }
        return instance;
    }

    /** Parses YAML text as a config named {@code test}. */
    public static ExperimentSpec parse(String yaml) {
        return new ConfigLoader().parse(yaml, "test", "test config", Path.of(""));
    }

    /** Parses and resolves YAML text. */
    public static ResolvedExperiment resolve(String yaml) {
        return get().resolve(parse(yaml));
    }
}
