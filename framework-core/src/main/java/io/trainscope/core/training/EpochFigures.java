package io.trainscope.core.training;

import java.util.Map;

/**
 * An epoch's figures.
 *
 * @param trainingLoss mean training loss over the epoch's batches (NaN before the first epoch)
 * @param validation   validation metrics after the epoch (empty without a validation split)
 * @param seconds      wall time of the epoch's training (of its part after a resume inside it)
 */
public record EpochFigures(double trainingLoss, Map<String, Double> validation, double seconds) {

    /** Before any epoch ended. */
    public static final EpochFigures NONE = new EpochFigures(Double.NaN, Map.of(), 0);
}
