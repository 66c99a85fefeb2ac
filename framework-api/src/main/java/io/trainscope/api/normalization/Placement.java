package io.trainscope.api.normalization;

import io.trainscope.api.StableApi;

/** Where a normalizer's layers sit in a hidden layer: dense -> [here] -> activation -> [or here]. */
@StableApi(since = "0.1")
public enum Placement {
    /** dense -> normalization -> activation, as in Ioffe and Szegedy's paper and seed 002. */
    BEFORE_ACTIVATION,
    /** dense -> activation -> normalization. */
    AFTER_ACTIVATION
}
