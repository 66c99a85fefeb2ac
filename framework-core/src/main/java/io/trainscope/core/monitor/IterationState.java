package io.trainscope.core.monitor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/**
 * What the current sampled iteration exposes to monitors, shared by every monitor's context: the
 * forward pass's arrays ({@link ForwardArrays}), the loss, the labels, and the gradients scaled to
 * the mean loss, computed at most once per iteration into reused buffers.
 */
public final class IterationState implements AutoCloseable {

    private final ForwardArrays forward;
    private final LayerViews views;
    private final ReusableBuffers scaledWeights;
    private final ReusableBuffers scaledBiases;
    private final boolean miniBatch;

    long iteration;
    int epoch;
    double loss = Double.NaN;
    int batchSize;
    double learningRate = Double.NaN;
    INDArray labels;
    private final boolean[] weightScaled;
    private final boolean[] biasScaled;
    private boolean gradientsDone;

    /**
     * @param forward   where the forward pass's arrays come from
     * @param views     parameter and gradient views
     * @param miniBatch whether DL4J divides gradients by the batch size ({@code miniBatch}, on by default)
     */
    IterationState(ForwardArrays forward, LayerViews views, boolean miniBatch) {
        this.forward = forward;
        this.views = views;
        this.scaledWeights = new ReusableBuffers(views.size());
        this.scaledBiases = new ReusableBuffers(views.size());
        this.weightScaled = new boolean[views.size()];
        this.biasScaled = new boolean[views.size()];
        this.miniBatch = miniBatch;
    }

    /** Starts a new iteration: forgets every derived view. */
    void begin(long iteration, int epoch) {
        this.iteration = iteration;
        this.epoch = epoch;
        this.labels = null;
        this.loss = Double.NaN;
        this.gradientsDone = false;
        forward.forget();
        Arrays.fill(weightScaled, false);
        Arrays.fill(biasScaled, false);
    }

    ForwardArrays forward() {
        return forward;
    }

    public long iteration() {
        return iteration;
    }

    public int epoch() {
        return epoch;
    }

    public double loss() {
        return loss;
    }

    public int batchSize() {
        return batchSize;
    }

    public double learningRate() {
        return learningRate;
    }

    public INDArray labels() {
        return labels;
    }

    /** The network input of this iteration. */
    public INDArray input() {
        requireForward();
        return forward.input();
    }

    /** A logical layer's activations (DL4J's own array where DL4J keeps one, else derived once). */
    public INDArray activations(int layer) {
        requireForward();
        return forward.activations(layer);
    }

    /** A logical layer's pre-activations, or null if they were not captured. */
    public INDArray preActivations(int layer) {
        requireForward();
        return forward.preActivations(layer);
    }

    /** DL4J's backward pass is done: completes the captured {@code dL/dz} (before the forward pass is forgotten). */
    void gradientsDone() {
        forward.gradientsDone(labels, gradientScale());
        gradientsDone = true;
    }

    /**
     * A logical layer's gradient of the mean loss with respect to its pre-activations, or null when it
     * cannot be had for that layer.
     *
     * @throws IllegalStateException when no monitor asked for them on this iteration
     */
    public INDArray preActivationGradient(int layer) {
        if (!gradientsDone) {
            throw new IllegalStateException("gradients with respect to pre-activations were not captured on iteration "
                    + iteration + "; ask for View.PRE_ACTIVATION_GRADIENTS in sampling(Parameters) (an iteration "
                    + "delivered for a non-finite loss has none)");
        }
        return forward.preActivationGradient(layer);
    }

    /** The weight gradient of the mean loss, scaled once per iteration into a reused buffer. */
    public INDArray scaledWeightGradient(int layer) {
        INDArray raw = views.weightGradient(layer);
        INDArray out = scaledWeights.get(layer, raw.shape(), raw.dataType());
        if (!weightScaled[layer]) {
            Nd4j.getExecutioner().exec(new ScalarMultiplication(raw, null, out, gradientScale()));
            weightScaled[layer] = true;
        }
        return out;
    }

    /** The bias gradient of the mean loss, or null when the layer has no bias. */
    public INDArray scaledBiasGradient(int layer) {
        INDArray raw = views.biasGradient(layer);
        if (raw == null) {
            return null;
        }
        INDArray out = scaledBiases.get(layer, raw.shape(), raw.dataType());
        if (!biasScaled[layer]) {
            Nd4j.getExecutioner().exec(new ScalarMultiplication(raw, null, out, gradientScale()));
            biasScaled[layer] = true;
        }
        return out;
    }

    /** The factor from DL4J's summed gradients to the mean-loss gradients. */
    public double gradientScale() {
        return miniBatch && batchSize > 0 ? 1.0 / batchSize : 1.0;
    }

    private void requireForward() {
        if (!forward.kept()) {
            throw new IllegalStateException("activations are only available in onForward");
        }
    }

    @Override
    public void close() {
        forward.close();
        scaledWeights.close();
        scaledBiases.close();
    }
}
