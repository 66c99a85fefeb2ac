package io.trainscope.core.training;

import io.trainscope.core.config.ConfigException;
import io.trainscope.core.config.TrainingSpec;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The {@link TrainingBackend}s on the classpath, by name, and the one a config asks for. */
final class Backends {

    private final Map<String, TrainingBackend> byName = new TreeMap<>();

    Backends(Set<TrainingBackend> found) {
        found.forEach(b -> byName.put(b.name(), b));
    }

    /**
     * The backend {@code training.backend} names, or null for trainscope's own loop.
     *
     * @throws ConfigException when the backend is not on the classpath
     */
    TrainingBackend of(TrainingSpec training) {
        String name = training.backend();
        if (name.equals("local")) {
            return null;
        }
        TrainingBackend backend = byName.get(name);
        if (backend == null) {
            throw new ConfigException("training.backend", name + ": this config trains on Apache Spark, and "
                    + "framework-spark is not on the classpath; run it with ./trainscope train, which builds and starts "
                    + "it, or add framework-spark and Spark to your application (docs/scale-out.md)");
        }
        return backend;
    }
}
