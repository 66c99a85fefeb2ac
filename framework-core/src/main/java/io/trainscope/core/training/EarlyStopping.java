package io.trainscope.core.training;

import io.trainscope.core.config.EarlyStoppingSpec;

import java.util.Map;

/**
 * Tracks a validation metric across epochs: remembers the best epoch and says when the metric has
 * not improved by more than {@code min-delta} for {@code patience} epochs.
 */
public final class EarlyStopping {

    private final EarlyStoppingSpec spec;
    private double best = Double.NaN;
    private int bestEpoch = -1;
    private int epochsWithoutImprovement;

    public EarlyStopping(EarlyStoppingSpec spec) {
        this.spec = spec;
    }

    /** Restores the state saved in a checkpoint. */
    public void restore(double best, int bestEpoch, int epochsWithoutImprovement) {
        this.best = best;
        this.bestEpoch = bestEpoch;
        this.epochsWithoutImprovement = epochsWithoutImprovement;
    }

    /**
     * Records an epoch's validation metrics.
     *
     * @return whether this epoch is the best so far
     */
    public boolean record(int epoch, Map<String, Double> validation) {
        double v = validation.getOrDefault(spec.metric().substring("validation.".length()), Double.NaN);
        if (Double.isNaN(v)) {
            epochsWithoutImprovement++;
            return false;
        }
        boolean improved = Double.isNaN(best)
                || (spec.higherIsBetter() ? v > best + spec.minDelta() : v < best - spec.minDelta());
        if (improved) {
            best = v;
            bestEpoch = epoch;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
        return improved;
    }

    /** Whether patience has run out. */
    public boolean shouldStop() {
        return epochsWithoutImprovement >= spec.patience();
    }

    public double best() {
        return best;
    }

    public int bestEpoch() {
        return bestEpoch;
    }

    public int epochsWithoutImprovement() {
        return epochsWithoutImprovement;
    }

    /** The watched metric's name. */
    public String metric() {
        return spec.metric();
    }
}
