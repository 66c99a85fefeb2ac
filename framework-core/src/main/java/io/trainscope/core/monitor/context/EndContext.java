package io.trainscope.core.monitor.context;

import io.trainscope.api.monitor.TrainingEndContext;
import io.trainscope.core.monitor.IterationState;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.RunServices;

/** {@link TrainingEndContext} for one monitor. */
final class EndContext extends BaseContext implements TrainingEndContext {

    Outcome outcome = Outcome.COMPLETED;
    String reason = "";

    EndContext(MonitorSlot slot, RunServices services, IterationState state) {
        super(slot, services, state);
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public String reason() {
        return reason;
    }
}
