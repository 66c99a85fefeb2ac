package io.trainscope.core.training;

import io.trainscope.core.checkpoint.CheckpointPolicy;
import io.trainscope.core.checkpoint.RunPosition;
import io.trainscope.core.data.EpochBatches;
import io.trainscope.core.data.PrefetchingBatches;
import io.trainscope.core.monitor.HookDispatcher;
import io.trainscope.core.monitor.StopSignal;
import io.trainscope.core.run.CrashPoint;
import io.trainscope.core.run.RunRecorder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * trainscope's training loop: epochs of mini-batches in a seeded order ({@link EpochBatches},
 * gathered ahead by {@link PrefetchingBatches}), one {@code MultiLayerNetwork.fit} per batch, a
 * stop request checked after every iteration, and the {@link EpochBoundary} after every epoch.
 * Starts at any {@link RunPosition}: a fresh run at the start, a resumed one at its checkpoint's
 * epoch and batch (the epoch's order is rebuilt from the seed and the batches already trained are
 * skipped, so no data position needs saving).
 *
 * <p>Per iteration the loop plans the hooks, fits, has the {@link NonFiniteGuard} check the step,
 * records the loss, reports progress, frees the batch and checks the stop signal and the iteration
 * checkpoint: nothing else.
 */
final class TrainingLoop implements EpochLoop {

    private final MultiLayerNetwork net;
    private final DataSet train;
    private final int batchSize;
    private final int epochs;
    private final long seed;
    private final IUpdater updater;
    private final HookDispatcher dispatcher;
    private final StopSignal stop;
    private final TrainerMeter meter;
    private final EpochBoundary boundary;
    private final CheckpointPolicy checkpoints;
    private final RunRecorder recorder;
    private final TrainingProgress progress;
    private final int batchesPerEpoch;
    private final RunPosition start;
    private final NonFiniteGuard guard;
    private int epoch;

    /**
     * @param start where the loop starts: {@link RunPosition#START}, or a checkpoint's position
     * @param guard checks every step for non-finite values ({@code training.on-non-finite})
     */
    TrainingLoop(MultiLayerNetwork net, DataSet train, int batchSize, int epochs, long seed, IUpdater updater,
                 RunParts parts, TrainingProgress progress, RunPosition start, NonFiniteGuard guard) {
        this.net = net;
        this.train = train;
        this.batchSize = batchSize;
        this.epochs = epochs;
        this.seed = seed;
        this.updater = updater;
        this.dispatcher = parts.dispatcher();
        this.stop = parts.stop();
        this.meter = parts.meter();
        this.boundary = parts.boundary();
        this.checkpoints = parts.checkpoints();
        this.recorder = parts.recorder();
        this.progress = progress;
        this.batchesPerEpoch = EpochBatches.batchesPerEpoch(train.numExamples(), batchSize);
        this.start = start;
        this.guard = guard;
        this.epoch = start.epochsCompleted();
    }

    @Override
    public LoopEnd run() {
        for (epoch = start.epochsCompleted(); epoch < epochs; epoch++) {
            boolean resumedInside = epoch == start.epochsCompleted() && start.insideEpoch();
            net.setEpochCount(epoch);
            dispatcher.epochStart(epoch, net.getIterationCount());
            progress.epochStarted(epoch, batchesPerEpoch);
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
        return batchesPerEpoch;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    private void trainEpoch(int firstBatch) {
        EpochBatches order = new EpochBatches(train, batchSize, seed, epoch, true);
        order.skip(firstBatch);
        int b = firstBatch;
        try (PrefetchingBatches batches = new PrefetchingBatches(order, 2)) {
            while (batches.hasNext()) {
                DataSet batch = batches.next();
                long iteration = net.getIterationCount();
                int n = batch.numExamples();
                dispatcher.beforeIteration(iteration, epoch, n, updater.getLearningRate((int) iteration, epoch));
                guard.beforeStep();
                net.fit(batch);
                if (iteration == 0) {
                    recorder.firstIterationDone();
                }
                double loss = net.score();
                if (guard.afterStep(iteration, epoch, loss)) {
                    meter.iteration(iteration, epoch, loss, n);
                } else {
                    meter.skipped(iteration, epoch, loss);
                }
                progress.batchDone(epoch, b++, loss, n);
                CrashPoint.reach("iteration");
                release(net, batch);
                if (stop.requested()) {
                    return;
                }
                if (b < batchesPerEpoch && checkpoints.dueAfterIteration(iteration + 1)) {
                    checkpoints.saveInsideEpoch(net, new RunPosition(epoch, b, meter.lossSum(), meter.examples()));
                }
            }
        }
    }

    /**
     * Frees a batch's arrays as soon as its iteration is done. They were gathered outside any
     * workspace; left to the garbage collector, their native memory piles up between collections
     * (the Java heap barely notices them) and the process grows by the size of every batch it saw.
     */
    private static void release(MultiLayerNetwork net, DataSet batch) {
        net.setInput(null);
        net.setLabels(null);
        batch.getFeatures().close();
        batch.getLabels().close();
    }
}
