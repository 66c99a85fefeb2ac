package io.trainscope.core.config;

/**
 * Fractions of the data used for training, validation and test; they sum to at most 1 (the rest
 * is left out). The split is random with {@code seed}, or the run's seed when null.
 *
 * @param train      fraction for training, > 0
 * @param validation fraction for validation (early stopping, best checkpoint), >= 0
 * @param test       fraction held out for the final evaluation, >= 0
 * @param seed       the shuffling seed of the split, or null for the run's seed
 */
public record SplitSpec(double train, double validation, double test, Long seed) {

    /** Everything is training data. */
    public static final SplitSpec ALL_TRAINING = new SplitSpec(1.0, 0.0, 0.0, null);

    public SplitSpec {
        ConfigRules.split(train, validation, test);
    }
}
