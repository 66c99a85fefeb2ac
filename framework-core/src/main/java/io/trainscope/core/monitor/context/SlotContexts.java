package io.trainscope.core.monitor.context;

import io.trainscope.api.monitor.BackwardContext;
import io.trainscope.api.monitor.DatasetPassContext;
import io.trainscope.api.monitor.EpochContext;
import io.trainscope.api.monitor.ForwardContext;
import io.trainscope.api.monitor.TrainingEndContext;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.UpdateContext;
import io.trainscope.core.monitor.IterationState;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.RunServices;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/** The context objects of one monitor for a whole run, created once and reused on every callback. */
public final class SlotContexts {

    private final StartContext start;
    private final EpochContextImpl epoch;
    private final ForwardContextImpl forward;
    private final BackwardContextImpl backward;
    private final UpdateContextImpl update;
    private final PassContextImpl pass;
    private final EndContext end;

    public SlotContexts(MonitorSlot slot, RunServices services, IterationState state, int epochs, long examples,
                        int batchSize) {
        start = new StartContext(slot, services, state, epochs, examples, batchSize);
        epoch = new EpochContextImpl(slot, services, state);
        forward = new ForwardContextImpl(slot, services, state);
        backward = new BackwardContextImpl(slot, services, state);
        update = new UpdateContextImpl(slot, services, state);
        pass = new PassContextImpl(slot, services, state);
        end = new EndContext(slot, services, state);
    }

    public TrainingStartContext start() {
        return start;
    }

    /** The epoch context with this epoch's figures. */
    public EpochContext epoch(double trainingLoss, Map<String, Double> validation) {
        epoch.trainingLoss = trainingLoss;
        epoch.validation = validation;
        return epoch;
    }

    public ForwardContext forward() {
        return forward;
    }

    public BackwardContext backward() {
        return backward;
    }

    public UpdateContext update() {
        return update;
    }

    /** The dataset-pass context positioned on a batch ({@code activations} null after the last batch). */
    public DatasetPassContext pass(DatasetPassContext.Trigger trigger, int batchIndex, long examplesSeen,
                                   List<INDArray> activations, int[] outputIndex) {
        pass.trigger = trigger;
        pass.batchIndex = batchIndex;
        pass.examplesSeen = examplesSeen;
        pass.activations = activations;
        pass.outputIndex = outputIndex;
        return pass;
    }

    /** The end context with the run's outcome. */
    public TrainingEndContext end(TrainingEndContext.Outcome outcome, String reason) {
        end.outcome = outcome;
        end.reason = reason == null ? "" : reason;
        return end;
    }
}
