package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The context of a full pass over the training set (inference mode, weights unchanged), as seed
 * 003 counts dead neurons. One forward pass serves every monitor that asked for it.
 */
@StableApi(since = "0.1")
public interface DatasetPassContext extends MonitorContext {

    /** Why the pass runs. */
    enum Trigger {
        /** Before the first iteration. */
        TRAINING_START,
        /** After an epoch ended. */
        EPOCH_END
    }

    /** Why this pass runs. */
    Trigger trigger();

    /** The index of the current batch in this pass; in {@link Monitor#onDatasetPassEnd}, the number of batches. */
    int batchIndex();

    /** The examples seen so far in this pass, including the current batch. */
    long examplesSeen();

    /**
     * A layer's activations for the current batch, {@code [batch, units]}.
     *
     * @throws IllegalStateException outside {@link Monitor#onDatasetPassBatch}
     */
    INDArray activations(int layer);
}
