package io.trainscope.core.checkpoint;

/**
 * Early stopping's counters as a checkpoint keeps them.
 *
 * @param bestMetric               the best value of the watched metric so far (NaN if none)
 * @param bestEpoch                the epoch of that value, from 0 (-1 if none)
 * @param epochsWithoutImprovement epochs since the last improvement
 */
public record StoppingState(double bestMetric, int bestEpoch, int epochsWithoutImprovement) {

    /** No early stopping, or nothing recorded yet. */
    public static final StoppingState NONE = new StoppingState(Double.NaN, -1, 0);
}
