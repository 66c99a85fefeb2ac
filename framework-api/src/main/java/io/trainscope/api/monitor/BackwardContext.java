package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The context of {@link Monitor#onBackward}: the gradients of one sampled iteration, before the
 * optimizer uses them. Gradients are of the mean loss over the batch (what PyTorch's
 * {@code .grad} holds), without regularization terms.
 */
@StableApi(since = "0.1")
public interface BackwardContext extends MonitorContext {

    /**
     * The gradient of the mean batch loss with respect to a layer's weights, {@code [fanIn, units]}.
     * Materialized on first call (one scaling operation into a reused buffer).
     */
    INDArray weightGradient(int layer);

    /** The gradient of the mean batch loss with respect to a layer's bias, {@code [1, units]}. */
    INDArray biasGradient(int layer);

    /**
     * DL4J's own, unscaled weight gradient (summed over the batch); multiply by
     * {@link #gradientScale()} to get {@link #weightGradient(int)}. Cheapest for norms.
     */
    INDArray rawWeightGradient(int layer);

    /** The factor from DL4J's raw gradients to the gradients of the mean loss (1 / batch size). */
    double gradientScale();

    /** The mean loss of this batch. */
    double loss();

    /** The number of examples in this batch. */
    int batchSize();
}
