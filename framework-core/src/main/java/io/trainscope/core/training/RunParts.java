package io.trainscope.core.training;

import io.trainscope.core.checkpoint.CheckpointPolicy;
import io.trainscope.core.monitor.DatasetPass;
import io.trainscope.core.monitor.HookDispatcher;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.StopSignal;
import io.trainscope.core.run.RunRecorder;

import java.util.List;

/**
 * The parts of one run, wired by {@link RunFactory}: each has one job, and {@link TrainingRun}
 * and the {@link EpochLoop} (trainscope's or a {@link TrainingBackend}'s) only call them.
 *
 * @param recorder    the run folder and sinks
 * @param slots       the run's monitors
 * @param dispatcher  hook dispatch to the monitors
 * @param pass        the dataset pass monitors may ask for
 * @param stop        stop requests from monitors
 * @param meter       the trainer's measurements and evaluation
 * @param early       early stopping with the best parameters, or null
 * @param checkpoints which checkpoints to write when
 * @param boundary    what happens between epochs
 */
public record RunParts(RunRecorder recorder, List<MonitorSlot> slots, HookDispatcher dispatcher, DatasetPass pass,
                StopSignal stop, TrainerMeter meter, EarlyStopping early, CheckpointPolicy checkpoints,
                EpochBoundary boundary) {
}
