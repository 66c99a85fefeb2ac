package io.trainscope.core.monitor.context;

import io.trainscope.api.monitor.DatasetPassContext;
import io.trainscope.core.monitor.IterationState;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.RunServices;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/** {@link DatasetPassContext} for one monitor; the dataset pass sets the batch before each call. */
final class PassContextImpl extends BaseContext implements DatasetPassContext {

    Trigger trigger = Trigger.TRAINING_START;
    int batchIndex;
    long examplesSeen;
    List<INDArray> activations;
    int[] outputIndex;

    PassContextImpl(MonitorSlot slot, RunServices services, IterationState state) {
        super(slot, services, state);
    }

    @Override
    public Trigger trigger() {
        return trigger;
    }

    @Override
    public int batchIndex() {
        return batchIndex;
    }

    @Override
    public long examplesSeen() {
        return examplesSeen;
    }

    @Override
    public INDArray activations(int layer) {
        if (activations == null) {
            throw new IllegalStateException("activations are only available in onDatasetPassBatch");
        }
        return activations.get(outputIndex[checkLayer(layer)] + 1);
    }
}
