package io.trainscope.core.training;

import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.checkpoint.CheckpointPolicy;
import io.trainscope.core.monitor.DatasetPass;
import io.trainscope.core.monitor.HookDispatcher;
import io.trainscope.core.monitor.StopSignal;
import io.trainscope.core.run.RunRecorder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What happens when an epoch's batches are done, in this order: the trainer's figures and
 * validation ({@link TrainerMeter}), the monitors' {@code onEpochEnd} and dataset passes, progress,
 * early stopping (with the best parameters' copy); then, unless a monitor asked to stop, the
 * checkpoints due and the run folder's {@code findings.json} and {@code run.json}; then the
 * decision whether to go on. A stopped epoch writes no checkpoint, so the last one on disk is the
 * last good state.
 *
 * <p>Independent of how the epoch was trained: trainscope's loop and any other loop that trains
 * a {@link MultiLayerNetwork} in epochs (a Spark trainer's) end their epochs with it.
 */
public final class EpochBoundary {

    /** What the loop does next. */
    public enum Decision {
        /** Train the next epoch. */
        CONTINUE,
        /** A monitor asked to stop, or the core stopped the run as failed ({@link StopSignal#failure()}). */
        STOP_BY_MONITOR,
        /** Early stopping's patience ran out. */
        STOP_EARLY
    }

    private final TrainerMeter meter;
    private final HookDispatcher dispatcher;
    private final DatasetPass pass;
    private final EarlyStopping early;
    private final CheckpointPolicy checkpoints;
    private final RunRecorder recorder;
    private final StopSignal stop;
    private final TrainingProgress progress;
    private EpochFigures last = EpochFigures.NONE;

    /**
     * @param pass  the dataset pass for monitors that want one after an epoch
     * @param early early stopping, or null
     */
    public EpochBoundary(TrainerMeter meter, HookDispatcher dispatcher, DatasetPass pass, EarlyStopping early,
                         CheckpointPolicy checkpoints, RunRecorder recorder, StopSignal stop, TrainingProgress progress) {
        this.meter = meter;
        this.dispatcher = dispatcher;
        this.pass = pass;
        this.early = early;
        this.checkpoints = checkpoints;
        this.recorder = recorder;
        this.stop = stop;
        this.progress = progress;
    }

    /** Ends epoch {@code epoch} (from 0) of {@code net}. */
    public Decision after(MultiLayerNetwork net, int epoch) {
        EpochFigures figures = meter.endEpoch(net, epoch);
        last = figures;
        long iteration = net.getIterationCount();
        dispatcher.epochEnd(epoch, iteration, figures.trainingLoss(), figures.validation(), pass);
        progress.epochEnded(epoch, figures.trainingLoss(), figures.validation(), figures.seconds());
        boolean best = early != null && early.record(epoch, figures.validation(), net);
        if (stop.requested()) {
            return Decision.STOP_BY_MONITOR;
        }
        checkpoints.afterEpoch(net, epoch + 1, best);
        recorder.epochDone(epoch + 1, net.getIterationCount());
        return early != null && early.shouldStop() ? Decision.STOP_EARLY : Decision.CONTINUE;
    }

    /** The figures of the last epoch that ended ({@link EpochFigures#NONE} before the first). */
    public EpochFigures last() {
        return last;
    }

    /** The outcome a decision to stop stands for, and why. */
    public LoopEnd ending(Decision decision) {
        return switch (decision) {
            case STOP_BY_MONITOR -> stop.failure() ? new LoopEnd(Outcome.FAILED, stop.describe(), null)
                    : new LoopEnd(Outcome.STOPPED_BY_MONITOR, stop.describe(), stop.requestedBy());
            case STOP_EARLY -> new LoopEnd(Outcome.EARLY_STOPPED, early.reason(), null);
            case CONTINUE -> LoopEnd.COMPLETED;
        };
    }
}
