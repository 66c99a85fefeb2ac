package io.trainscope.spark;

import io.trainscope.core.data.EpochBatches;
import io.trainscope.core.monitor.HookDispatcher;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Gives monitors their per-iteration views on Spark, where the iterations happen on the workers
 * and the driver never sees them: before an averaging round that covers an iteration some monitor
 * samples, the driver runs one forward and backward pass of its network on a training mini-batch,
 * without an update, and DL4J's listener hooks deliver {@code onForward} and {@code onBackward}
 * as in a local iteration. Before a round the driver's network holds exactly the parameters every
 * worker starts the round from, so a sampled iteration that opens a round (iteration 0, the first
 * of an epoch, any multiple of the averaging frequency) is seen as it is; one inside a round is
 * seen at the round's start, fewer than {@code averaging-frequency} steps early, stamped with its
 * own number. {@code onUpdate} never fires: the averaged change of a round is not one optimizer
 * step.
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
     * Before a round that trains iterations {@code from ... from + steps - 1}: probes the first of
     * them a monitor samples, if any; after a round whose loss was not finite, probes the first
     * for the monitors that watch such iterations (the probe's own loss decides, as in a local
     * iteration).
     *
     * @param round        the round within the epoch, which picks the probe's mini-batch
     * @param previousLoss the training loss of the round before, on the workers (NaN-safe)
     */
    void beforeRound(long from, int steps, int epoch, int round, double previousLoss) {
        for (long iteration = from; iteration < from + steps; iteration++) {
            double lr = updater.getLearningRate((int) iteration, epoch);
            if (!dispatcher.beforeIteration(iteration, epoch, batchSize, lr)) {
                continue;
            }
            if (dispatcher.deliversViews() || !Double.isFinite(previousLoss)) {
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
