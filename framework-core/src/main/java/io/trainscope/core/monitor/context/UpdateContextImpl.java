package io.trainscope.core.monitor.context;

import io.trainscope.api.monitor.UpdateContext;
import io.trainscope.core.monitor.IterationState;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.RunServices;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link UpdateContext} for one monitor: after the step DL4J's gradient array holds the applied update. */
final class UpdateContextImpl extends BaseContext implements UpdateContext {

    UpdateContextImpl(MonitorSlot slot, RunServices services, IterationState state) {
        super(slot, services, state);
    }

    @Override
    public INDArray weightUpdate(int layer) {
        return services.views().weightGradient(checkLayer(layer));
    }

    @Override
    public INDArray biasUpdate(int layer) {
        return services.views().biasGradient(checkLayer(layer));
    }

    @Override
    public double learningRate() {
        return state.learningRate();
    }
}
