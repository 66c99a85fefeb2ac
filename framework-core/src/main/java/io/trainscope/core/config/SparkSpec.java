package io.trainscope.core.config;

import io.trainscope.api.internal.Suggestions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a run trains on Apache Spark ({@code training.backend: spark}, module framework-spark):
 * data-parallel workers that each train on their own mini-batches and whose parameters (and
 * optimizer state) are averaged every few mini-batches.
 *
 * @param master             the Spark master URL ({@code local[2]}, {@code spark://host:7077}, {@code yarn}); a
 *                           master given to {@code spark-submit} takes precedence
 * @param workers            data-parallel workers: the training data's partitions and the number of models averaged
 * @param batchSizePerWorker examples per mini-batch on each worker
 * @param averagingFrequency mini-batches each worker trains between two averagings
 * @param trainingMaster     how workers combine their models: {@code parameter-averaging}
 */
public record SparkSpec(String master, int workers, int batchSizePerWorker, int averagingFrequency,
                        String trainingMaster) {

    /** The values of {@code training.backend}. */
    public static final List<String> BACKENDS = List.of("local", "spark");
    /** The values of {@code training.spark.training-master}. */
    public static final List<String> TRAINING_MASTERS = List.of("parameter-averaging");

    private static final Set<String> KEYS = Set.of("master", "workers", "batch-size-per-worker", "averaging-frequency",
            "training-master");

    /**
     * Reads {@code training.backend} and {@code training.spark}: null for the local backend.
     *
     * @param training  the {@code training} section
     * @param batchSize {@code training.batch-size}, the default batch size per worker
     */
    static SparkSpec parse(ConfigNode training, int batchSize) {
        String backend = training.text("backend", "local");
        if (!BACKENDS.contains(backend)) {
            throw new ConfigException(training.child("backend"), "must be one of " + String.join(", ", BACKENDS)
                    + ", got '" + backend + "'" + Suggestions.didYouMean(backend, BACKENDS));
        }
        ConfigNode s = training.get("spark");
        if (backend.equals("local")) {
            if (!s.isMissing()) {
                throw new ConfigException(s.path(), "is used only with 'backend: spark'; add 'backend: spark' to "
                        + "'training' or remove this section");
            }
            return null;
        }
        if (!s.isMissing()) {
            s.requireObject(KEYS);
        }
        int workers = s.integer("workers", 2, 1);
        String master = s.text("master", "local[" + workers + "]");
        if (master.isBlank()) {
            throw new ConfigException(s.child("master"), "must be a Spark master URL such as local[2], spark://host:7077 or yarn");
        }
        String trainingMaster = s.text("training-master", TRAINING_MASTERS.get(0));
        if (!TRAINING_MASTERS.contains(trainingMaster)) {
            throw new ConfigException(s.child("training-master"), "must be one of " + String.join(", ", TRAINING_MASTERS)
                    + ", got '" + trainingMaster + "'" + Suggestions.didYouMean(trainingMaster, TRAINING_MASTERS));
        }
        return new SparkSpec(master, workers, s.integer("batch-size-per-worker", batchSize, 1),
                s.integer("averaging-frequency", 5, 1), trainingMaster);
    }

    /** The {@code training.spark} section with every value filled in, as a run's {@code config.yaml} holds it. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("master", master);
        m.put("workers", workers);
        m.put("batch-size-per-worker", batchSizePerWorker);
        m.put("averaging-frequency", averagingFrequency);
        m.put("training-master", trainingMaster);
        return m;
    }
}
