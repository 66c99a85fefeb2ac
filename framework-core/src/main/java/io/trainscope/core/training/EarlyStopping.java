package io.trainscope.core.training;

import io.trainscope.core.checkpoint.StoppingState;
import io.trainscope.core.config.EarlyStoppingSpec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * Early stopping and the best model: tracks a validation metric across epochs, keeps a copy of
 * the parameters of the best epoch, says when the metric has not improved by more than
 * {@code min-delta} for {@code patience} epochs, and puts the best parameters back at the end.
 *
 * <p>The copy lives outside any workspace and is overwritten in place at each new best, so keeping
 * it allocates once per run.
 */
public final class EarlyStopping {

    private final EarlyStoppingSpec spec;
    private double best = Double.NaN;
    private int bestEpoch = -1;
    private int epochsWithoutImprovement;
    private INDArray bestParams;

    public EarlyStopping(EarlyStoppingSpec spec) {
        this.spec = spec;
    }

    /**
     * Restores the counters a checkpoint saved and the best parameters saved with them.
     *
     * @param bestParams the best epoch's parameters ({@code best.zip}), or null when lost: the run then
     *                   keeps only the best model it finds from now on
     */
    public void restore(StoppingState state, INDArray bestParams) {
        this.best = state.bestMetric();
        this.bestEpoch = state.bestEpoch();
        this.epochsWithoutImprovement = state.epochsWithoutImprovement();
        this.bestParams = bestParams;
    }

    /** The counters, as a checkpoint keeps them. */
    public StoppingState state() {
        return new StoppingState(best, bestEpoch, epochsWithoutImprovement);
    }

    /**
     * Records an epoch's validation metrics and, when the epoch is the best so far, copies the
     * network's parameters.
     *
     * @return whether this epoch is the best so far
     */
    public boolean record(int epoch, Map<String, Double> validation, MultiLayerNetwork net) {
        double v = validation.getOrDefault(spec.metric().substring("validation.".length()), Double.NaN);
        boolean improved = !Double.isNaN(v) && (Double.isNaN(best)
                || (spec.higherIsBetter() ? v > best + spec.minDelta() : v < best - spec.minDelta()));
        if (!improved) {
            epochsWithoutImprovement++;
            return false;
        }
        best = v;
        bestEpoch = epoch;
        epochsWithoutImprovement = 0;
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            bestParams = bestParams == null ? net.params().dup() : bestParams.assign(net.params());
        }
        return true;
    }

    /** Whether patience has run out. */
    public boolean shouldStop() {
        return epochsWithoutImprovement >= spec.patience();
    }

    /**
     * Puts the best epoch's parameters into {@code net}.
     *
     * @return whether there were any to put back
     */
    public boolean restoreBest(MultiLayerNetwork net) {
        if (bestParams == null) {
            return false;
        }
        net.setParams(bestParams);
        return true;
    }

    /** Why the run stopped, in words. */
    public String reason() {
        return "no improvement of " + spec.metric() + " for " + epochsWithoutImprovement + " epochs; best " + best
                + " at epoch " + (bestEpoch + 1);
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

    /** The number of epochs without improvement that stops the run. */
    public int patience() {
        return spec.patience();
    }
}
