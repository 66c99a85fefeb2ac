package io.trainscope.core.monitor.context;

import io.trainscope.api.monitor.EpochContext;
import io.trainscope.core.monitor.IterationState;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.RunServices;

import java.util.Map;

/** {@link EpochContext} for one monitor; the dispatcher sets the epoch's figures before each call. */
final class EpochContextImpl extends BaseContext implements EpochContext {

    double trainingLoss = Double.NaN;
    Map<String, Double> validation = Map.of();

    EpochContextImpl(MonitorSlot slot, RunServices services, IterationState state) {
        super(slot, services, state);
    }

    @Override
    public double trainingLoss() {
        return trainingLoss;
    }

    @Override
    public Map<String, Double> validation() {
        return validation;
    }
}
