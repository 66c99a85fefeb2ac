package io.trainscope.spark;

import io.trainscope.core.checkpoint.CheckpointPolicy;
import io.trainscope.core.checkpoint.RunPosition;
import io.trainscope.core.config.TrainingSpec;
import io.trainscope.core.monitor.HookDispatcher;
import io.trainscope.core.monitor.StopSignal;
import io.trainscope.core.run.RunRecorder;
import io.trainscope.core.training.EpochBoundary;
import io.trainscope.core.training.EpochLoop;
import io.trainscope.core.training.LoopEnd;
import io.trainscope.core.training.RunParts;
import io.trainscope.core.training.TrainerMeter;
import io.trainscope.core.training.TrainingProgress;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The Spark loop: epochs of averaging rounds. Per round the executors train, the driver's
 * network receives the averaged parameters, and the loop records the round's training loss
 * (measured on the workers), lets monitors that sample one of the next round's iterations look at
 * the averaged network before it ({@link DriverProbe}), reports progress, checks for a stop request and writes
 * an iteration checkpoint when one falls due; each epoch ends with the run's {@link EpochBoundary}, exactly as
 * in trainscope's own loop. A resumed run continues at its checkpoint's round: the epoch's
 * batches are rebuilt from the seed and the rounds already trained are skipped.
 */
final class RoundLoop implements EpochLoop {

    private final MultiLayerNetwork net;
    private final ShardedDataSet train;
    private final TrainingSpec training;
    private final ParameterAveraging averaging;
    private final DriverProbe probe;
    private final HookDispatcher dispatcher;
    private final StopSignal stop;
    private final TrainerMeter meter;
    private final EpochBoundary boundary;
    private final CheckpointPolicy checkpoints;
    private final RunRecorder recorder;
    private final TrainingProgress progress;
    private final int roundsPerEpoch;
    private final RunPosition start;
    private int epoch;
    private double previousLoss;

    RoundLoop(MultiLayerNetwork net, ShardedDataSet train, TrainingSpec training, ParameterAveraging averaging,
              DriverProbe probe, RunParts parts, TrainingProgress progress, RunPosition start) {
        this.start = start;
        this.epoch = start.epochsCompleted();
        this.probe = probe;
        this.net = net;
        this.train = train;
        this.training = training;
        this.averaging = averaging;
        this.dispatcher = parts.dispatcher();
        this.stop = parts.stop();
        this.meter = parts.meter();
        this.boundary = parts.boundary();
        this.checkpoints = parts.checkpoints();
        this.recorder = parts.recorder();
        this.progress = progress;
        this.roundsPerEpoch = EpochRounds.rounds(train.batchesOfLargestShard(training.spark().batchSizePerWorker()),
                training.spark().averagingFrequency());
    }

    @Override
    public LoopEnd run() {
        for (epoch = start.epochsCompleted(); epoch < training.epochs(); epoch++) {
            boolean resumedInside = epoch == start.epochsCompleted() && start.insideEpoch();
            net.setEpochCount(epoch);
            dispatcher.epochStart(epoch, net.getIterationCount());
            progress.epochStarted(epoch, roundsPerEpoch);
            meter.startEpoch(resumedInside ? start.epochLossSum() : 0, resumedInside ? start.epochExamples() : 0);
            trainEpoch(resumedInside ? start.batchInEpoch() : 0);
            EpochBoundary.Decision decision = boundary.after(net, epoch);
            if (decision != EpochBoundary.Decision.CONTINUE) {
                epoch++;
                return boundary.ending(decision);
            }
        }
        return LoopEnd.COMPLETED;
    }

    @Override
    public int batchesPerEpoch() {
        return roundsPerEpoch;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    private void trainEpoch(int firstRound) {
        var spark = training.spark();
        try (EpochRounds rounds = new EpochRounds(train, training.seed(), epoch, spark.batchSizePerWorker(),
                spark.averagingFrequency())) {
            for (int r = firstRound; r < rounds.rounds(); r++) {
                long iteration = net.getIterationCount();
                probe.beforeRound(iteration, rounds.steps(r), epoch, r, previousLoss);
                ParameterAveraging.RoundFigures figures = averaging.train(rounds.round(r), rounds.steps(r));
                previousLoss = figures.loss();
                if (iteration == 0) {
                    recorder.firstIterationDone();
                }
                meter.iteration(iteration, epoch, figures.loss(), (int) figures.examples());
                progress.batchDone(epoch, r, figures.loss(), (int) figures.examples());
                if (stop.requested()) {
                    return;
                }
                if (r + 1 < rounds.rounds() && checkpointDue(iteration, net.getIterationCount())) {
                    checkpoints.saveInsideEpoch(net, new RunPosition(epoch, r + 1, meter.lossSum(), meter.examples()));
                }
            }
        }
    }

    /** Whether an iteration checkpoint falls due within the round's steps {@code (before, after]}. */
    private boolean checkpointDue(long before, long after) {
        for (long i = before + 1; i <= after; i++) {
            if (checkpoints.dueAfterIteration(i)) {
                return true;
            }
        }
        return false;
    }
}
