package io.trainscope.core.monitor.context;

import io.trainscope.api.monitor.BackwardContext;
import io.trainscope.core.monitor.IterationState;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.RunServices;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link BackwardContext} for one monitor. */
final class BackwardContextImpl extends BaseContext implements BackwardContext {

    BackwardContextImpl(MonitorSlot slot, RunServices services, IterationState state) {
        super(slot, services, state);
    }

    @Override
    public INDArray weightGradient(int layer) {
        return state.scaledWeightGradient(checkLayer(layer));
    }

    @Override
    public INDArray biasGradient(int layer) {
        return state.scaledBiasGradient(checkLayer(layer));
    }

    @Override
    public INDArray rawWeightGradient(int layer) {
        return services.views().weightGradient(checkLayer(layer));
    }

    @Override
    public INDArray preActivationGradient(int layer) {
        return state.preActivationGradient(checkLayer(layer));
    }

    @Override
    public double gradientScale() {
        return state.gradientScale();
    }
}
