package io.trainscope.core.training.optim;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Cosine annealing from {@code initialValue} to {@code minValue} over {@code totalIterations}
 * (Loshchilov and Hutter, without restarts):
 * {@code lr(t) = min + (initial - min) * (1 + cos(pi * t / T)) / 2}, constant at {@code min} after T.
 */
public final class CosineSchedule implements ISchedule {
    private static final long serialVersionUID = 1L;

    private final double initialValue;
    private final double minValue;
    private final long totalIterations;

    public CosineSchedule(@JsonProperty("initialValue") double initialValue,
                          @JsonProperty("minValue") double minValue,
                          @JsonProperty("totalIterations") long totalIterations) {
        if (totalIterations <= 0) {
            throw new IllegalArgumentException("cosine schedule needs a positive number of iterations, got " + totalIterations);
        }
        this.initialValue = initialValue;
        this.minValue = minValue;
        this.totalIterations = totalIterations;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double t = Math.min(1.0, iteration / (double) totalIterations);
        return minValue + (initialValue - minValue) * (1 + Math.cos(Math.PI * t)) / 2;
    }

    @Override
    public ISchedule clone() {
        return new CosineSchedule(initialValue, minValue, totalIterations);
    }
}
