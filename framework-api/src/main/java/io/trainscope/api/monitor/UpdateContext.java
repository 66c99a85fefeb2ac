package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The context of {@link Monitor#onUpdate}: the parameters right after the optimizer's step, and
 * the step itself ({@code W_after = W_before - weightUpdate}).
 */
@StableApi(since = "0.1")
public interface UpdateContext extends MonitorContext {

    /** The step the optimizer subtracted from a layer's weights, {@code [fanIn, units]}. */
    INDArray weightUpdate(int layer);

    /** The step the optimizer subtracted from a layer's bias, {@code [1, units]}. */
    INDArray biasUpdate(int layer);

    /** The mean loss of the batch this step was computed on. */
    double loss();

    /** The learning rate in effect for this step. */
    double learningRate();
}
