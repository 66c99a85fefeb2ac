package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The context of {@link Monitor#onForward}: one sampled training iteration's forward pass.
 * Arrays are valid during the callback only and must not be modified; hidden activations and the
 * input are DL4J's own arrays, pre-activations and the output layer's activations are copies.
 */
@StableApi(since = "0.1")
public interface ForwardContext extends MonitorContext {

    /** The input batch, {@code [batch, features]}, after input normalization. */
    INDArray input();

    /**
     * A layer's activations {@code [batch, units]} ({@code [batch, channels, rows, columns]} for a
     * {@link LayerKind#CONV2D}); for the output layer, the network's prediction.
     */
    INDArray activations(int layer);

    /**
     * A layer's pre-activations z {@code [batch, units]} (after normalization layers placed before
     * the activation). The output layer's are always available (they are derived cheaply when asked
     * for); hidden layers' only when some monitor asked for {@link View#PRE_ACTIVATIONS}.
     *
     * @throws IllegalStateException for a hidden layer when no monitor asked for {@link View#PRE_ACTIVATIONS}
     *                               on this iteration
     */
    INDArray preActivations(int layer);

    /** The labels of the batch as the loss sees them (one-hot for softmax). */
    INDArray labels();

    /** The mean loss of this batch before the update. */
    double loss();

    /** The number of examples in this batch. */
    int batchSize();
}
