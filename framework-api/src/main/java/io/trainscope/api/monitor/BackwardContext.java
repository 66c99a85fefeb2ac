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

    /**
     * The gradient of the mean batch loss with respect to a layer's pre-activations,
     * {@code dL/dz}, shaped like {@link ForwardContext#preActivations(int)} ({@code [batch, units]}, or
     * {@code [batch, channels, rows, columns]} for a convolution): the signal Glorot's backward
     * condition is about. For a hidden layer it is what the activation's backward pass returned,
     * {@code f'(z) · dL/da} (z after normalization placed before the activation); for an output layer,
     * the loss's gradient with respect to its pre-activations, as DL4J computes it ({@code (softmax(z) - y) / batch}
     * for cross-entropy with softmax). A copy in a buffer the core reuses; valid during the callback.
     *
     * <p>In a network an application built and instruments, DL4J's own layers run and trainscope
     * derives {@code dL/dz} instead of capturing it: for output layers, and for the hidden layers of a
     * {@code MultiLayerNetwork} whose next layer is a dense layer without input dropout or preprocessor
     * ({@code dL/dz = f'(z) · (dL/dz_next W_next^T)}, one GEMM per layer); for any other layer it
     * returns null.
     *
     * @return the gradient, or null when it cannot be had for this layer (instrumented networks only)
     * @throws IllegalStateException when no monitor asked for {@link View#PRE_ACTIVATION_GRADIENTS} on
     *                               this iteration (an iteration delivered for a non-finite loss has none)
     */
    INDArray preActivationGradient(int layer);

    /** The mean loss of this batch. */
    double loss();

    /** The number of examples in this batch. */
    int batchSize();
}
