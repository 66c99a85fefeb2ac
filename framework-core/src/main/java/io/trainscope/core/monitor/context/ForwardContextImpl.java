package io.trainscope.core.monitor.context;

import io.trainscope.api.monitor.ForwardContext;
import io.trainscope.core.monitor.IterationState;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.RunServices;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link ForwardContext} for one monitor, reading the shared iteration state. */
final class ForwardContextImpl extends BaseContext implements ForwardContext {

    ForwardContextImpl(MonitorSlot slot, RunServices services, IterationState state) {
        super(slot, services, state);
    }

    @Override
    public INDArray input() {
        return state.input();
    }

    @Override
    public INDArray activations(int layer) {
        return state.activations(checkLayer(layer));
    }

    @Override
    public INDArray preActivations(int layer) {
        INDArray z = state.preActivations(checkLayer(layer));
        if (z == null) {
            throw new IllegalStateException("pre-activations were not captured on iteration " + iteration()
                    + "; ask for View.PRE_ACTIVATIONS in sampling(Parameters) (an iteration delivered for a non-finite loss "
                    + "has none)");
        }
        return z;
    }

    @Override
    public INDArray labels() {
        return state.labels();
    }
}
