package io.trainscope.spark;

import io.trainscope.core.data.EpochBatches;
import io.trainscope.core.monitor.HookDispatcher;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Gives monitors their per-iteration views on Spark, where the iterations happen on the workers
 * and the driver never sees them: after an averaging round that covers an iteration some monitor
 * samples, the driver runs one forward and backward pass of the averaged network on a training
 * mini-batch, without an update, and DL4J's listener hooks deliver {@code onForward} and
 * {@code onBackward} as in a local iteration. The views are those of the averaged model at the
 * round's end, stamped with the sampled iteration. {@code onUpdate} never fires: the averaged
 * change of a round is not one optimizer step.
 */
final class DriverProbe {

    private final MultiLayerNetwork net;
    private final DataSet train;
    private final HookDispatcher dispatcher;
    private final IUpdater updater;
    private final int batchSize;
    private final long seed;

    DriverProbe(MultiLayerNetwork net, DataSet train, HookDispatcher dispatcher, IUpdater updater, int batchSize,
                long seed) {
        this.net = net;
        this.train = train;
        this.dispatcher = dispatcher;
        this.updater = updater;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /**
     * After a round that trained iterations {@code from ... from + steps - 1}: probes the first of
     * them a monitor samples, if any; when the round's loss was not finite, probes its first
     * iteration for the monitors that watch such iterations (the probe's own loss decides, as in a
     * local iteration).
     *
     * @param round     the round within the epoch, which picks the probe's mini-batch
     * @param roundLoss the round's training loss on the workers
     */
    void afterRound(long from, int steps, int epoch, int round, double roundLoss) {
        for (long iteration = from; iteration < from + steps; iteration++) {
            double lr = updater.getLearningRate((int) iteration, epoch);
            if (!dispatcher.beforeIteration(iteration, epoch, batchSize, lr)) {
                continue;
            }
            if (dispatcher.deliversViews() || !Double.isFinite(roundLoss)) {
                probe(epoch, round);
                dispatcher.skipIteration();
                return;
            }
            dispatcher.skipIteration();
        }
    }

    private void probe(int epoch, int round) {
        EpochBatches order = new EpochBatches(train, batchSize, seed, epoch, true);
        order.skip(round % EpochBatches.batchesPerEpoch(train.numExamples(), batchSize));
        DataSet batch = order.next();
        try {
            net.setInput(batch.getFeatures());
            net.setLabels(batch.getLabels());
            net.computeGradientAndScore();
        } finally {
            net.setInput(null);
            net.setLabels(null);
            batch.getFeatures().close();
            batch.getLabels().close();
        }
    }
}
