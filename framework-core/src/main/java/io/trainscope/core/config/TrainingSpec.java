package io.trainscope.core.config;

import java.util.List;
import java.util.Objects;

/**
 * How to train.
 *
 * @param optimizer     the optimizer and its parameters ({@code sgd}, {@code momentum}, {@code adam}, {@code rmsprop})
 * @param schedule      the learning-rate schedule, or null for a constant rate
 * @param epochs        passes over the training split, >= 1
 * @param batchSize     examples per iteration, >= 1
 * @param seeds         one run per seed; at least one
 * @param earlyStopping when to stop before {@code epochs}, or null
 * @param checkpoints   which checkpoints to keep
 * @param spark         how to train on Apache Spark ({@code backend: spark}), or null to train in this JVM
 * @param regularization weight decay and gradient clipping
 */
public record TrainingSpec(PluginRef optimizer, PluginRef schedule, int epochs, int batchSize, List<Long> seeds,
                           EarlyStoppingSpec earlyStopping, CheckpointSpec checkpoints, SparkSpec spark,
                           RegularizationSpec regularization) {

    public TrainingSpec {
        Objects.requireNonNull(optimizer, "optimizer");
        ConfigRules.atLeast("training.epochs", epochs, 1);
        ConfigRules.atLeast("training.batch-size", batchSize, 1);
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new ConfigException("training.seeds", "must list at least one seed");
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new ConfigException("training.seeds", "lists a seed twice: " + seeds);
        }
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(regularization, "regularization");
    }

    /** Settings without weight decay or gradient clipping. */
    public TrainingSpec(PluginRef optimizer, PluginRef schedule, int epochs, int batchSize, List<Long> seeds,
                        EarlyStoppingSpec earlyStopping, CheckpointSpec checkpoints, SparkSpec spark) {
        this(optimizer, schedule, epochs, batchSize, seeds, earlyStopping, checkpoints, spark, RegularizationSpec.NONE);
    }

    /** Settings that train in this JVM ({@code backend: local}). */
    public TrainingSpec(PluginRef optimizer, PluginRef schedule, int epochs, int batchSize, List<Long> seeds,
                        EarlyStoppingSpec earlyStopping, CheckpointSpec checkpoints) {
        this(optimizer, schedule, epochs, batchSize, seeds, earlyStopping, checkpoints, null, RegularizationSpec.NONE);
    }

    /** {@code training.backend}: {@code local} or {@code spark}. */
    public String backend() {
        return spark == null ? "local" : "spark";
    }

    /** The first (or only) seed. */
    public long seed() {
        return seeds.get(0);
    }

    /** A copy that trains with the single seed {@code seed}. */
    public TrainingSpec withSeed(long seed) {
        return withSeeds(List.of(seed));
    }

    /** A copy that trains once per seed in {@code seeds}. */
    public TrainingSpec withSeeds(List<Long> seeds) {
        return new TrainingSpec(optimizer, schedule, epochs, batchSize, seeds, earlyStopping, checkpoints, spark,
                regularization);
    }

    /** A copy with another number of epochs. */
    public TrainingSpec withEpochs(int epochs) {
        return new TrainingSpec(optimizer, schedule, epochs, batchSize, seeds, earlyStopping, checkpoints, spark,
                regularization);
    }
}
