package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

import java.util.EnumSet;
import java.util.Set;

/**
 * When a monitor wants the expensive per-iteration views, and whether it wants full passes over
 * the training set. Iterations are counted from 0 over the whole run; iteration 0 sees the
 * initial weights, so every sampled monitor measures the network at initialization.
 *
 * <pre>{@code
 * Sampling.every(10, View.GRADIENTS)                     // iterations 0, 10, 20, ...
 * Sampling.none().withDatasetPass(1)                     // full pass at start and after every epoch
 * }</pre>
 *
 * @param everyIterations        sample iterations that are multiples of this; 0 for never
 * @param views                  the views wanted on sampled iterations
 * @param datasetPassEveryEpochs run a full pass at training start and after every k-th epoch; 0 for never
 */
@StableApi(since = "0.1")
public record Sampling(int everyIterations, Set<View> views, int datasetPassEveryEpochs) {

    public Sampling {
        if (everyIterations < 0 || datasetPassEveryEpochs < 0) {
            throw new IllegalArgumentException("sampling intervals must be >= 0, got " + everyIterations
                    + " and " + datasetPassEveryEpochs);
        }
        views = views.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(views));
    }

    /** No per-iteration views and no full passes. */
    public static Sampling none() {
        return new Sampling(0, Set.of(), 0);
    }

    /** The given views on every {@code n}-th iteration. */
    public static Sampling every(int n, View... views) {
        if (n <= 0) {
            throw new IllegalArgumentException("sampling interval must be positive, got " + n);
        }
        return new Sampling(n, Set.of(views), 0);
    }

    /** A copy that also asks for a full training-set pass at start and after every {@code k}-th epoch. */
    public Sampling withDatasetPass(int k) {
        return new Sampling(everyIterations, views, k);
    }

    /** Whether {@code iteration} is sampled. */
    public boolean samples(long iteration) {
        return everyIterations > 0 && !views.isEmpty() && iteration % everyIterations == 0;
    }

    /** Whether a full pass is wanted after epoch {@code epoch} (0-based) ends. */
    public boolean wantsDatasetPassAfterEpoch(int epoch) {
        return datasetPassEveryEpochs > 0 && (epoch + 1) % datasetPassEveryEpochs == 0;
    }
}
