package io.trainscope.core.checkpoint;

import io.trainscope.core.config.CheckpointSpec;
import io.trainscope.core.run.FindingsWriter;
import io.trainscope.core.run.RunRecorder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Which checkpoints a run writes, when, and what goes into them: a position checkpoint after
 * every k-th epoch ({@code every-epochs}) and whenever the run's iteration count reaches a multiple
 * of {@code every-iterations} (inside an epoch, or at its end when the multiple falls on its last
 * batch), and {@code best.zip} for every new best epoch of early stopping. Before each it flushes
 * the measurements and records the length of {@code metrics.jsonl}, so a resume can cut back what
 * was recorded after it. A checkpoint is never written with NaN or infinite parameters.
 *
 * <p>Used by the training loop at the two points where state is consistent (after an iteration's
 * update, after an epoch's figures); any other loop that trains a {@link MultiLayerNetwork} can
 * use it the same way. A run without a folder gets {@link #NONE}, which writes nothing.
 */
public final class CheckpointPolicy {

    private static final Logger log = LoggerFactory.getLogger(CheckpointPolicy.class);

    /** Writes no checkpoint. */
    public static final CheckpointPolicy NONE = new CheckpointPolicy(new CheckpointSpec(0, 1, 0), null, null, null, null);

    private final CheckpointSpec spec;
    private final CheckpointStore store;
    private final RunFacts facts;
    private final RunRecorder recorder;
    private final Supplier<StoppingState> stopping;
    private final FiniteValues finite = new FiniteValues();

    /**
     * @param spec     the config's {@code training.checkpoints}
     * @param store    the run's checkpoints folder
     * @param facts    what every checkpoint of the run carries
     * @param recorder the run's recorder (measurements, findings)
     * @param stopping early stopping's current counters ({@code StoppingState.NONE} without early stopping)
     */
    public CheckpointPolicy(CheckpointSpec spec, CheckpointStore store, RunFacts facts, RunRecorder recorder,
                            Supplier<StoppingState> stopping) {
        this.spec = spec;
        this.store = store;
        this.facts = facts;
        this.recorder = recorder;
        this.stopping = stopping;
    }

    /** Whether a checkpoint is due after the iteration that brought the count to {@code iterationsDone}. */
    public boolean dueAfterIteration(long iterationsDone) {
        return store != null && spec.everyIterations() > 0 && iterationsDone % spec.everyIterations() == 0;
    }

    /** Writes a checkpoint inside an epoch (call when {@link #dueAfterIteration} said so and the epoch goes on). */
    public void saveInsideEpoch(MultiLayerNetwork net, RunPosition position) {
        if (store != null && finite(net, position)) {
            store.save(checkpoint(net, position), spec.keepLast());
        }
    }

    /**
     * After an epoch's figures, validation and early stopping: writes the position checkpoint if
     * one is due and {@code best.zip} if this epoch is the best so far.
     */
    public void afterEpoch(MultiLayerNetwork net, int epochsCompleted, boolean best) {
        if (store == null) {
            return;
        }
        boolean periodic = spec.everyEpochs() > 0 && epochsCompleted % spec.everyEpochs() == 0;
        boolean due = periodic || dueAfterIteration(net.getIterationCount());
        if (!due && !best || !finite(net, RunPosition.afterEpoch(epochsCompleted))) {
            return;
        }
        Checkpoint c = checkpoint(net, RunPosition.afterEpoch(epochsCompleted));
        if (due) {
            store.save(c, spec.keepLast());
        }
        if (best) {
            store.saveBest(c);
        }
    }

    /** The parameters of the run's {@code best.zip}, or null when there is none that loads. */
    public INDArray savedBestParameters() {
        return store == null ? null : store.best().map(Checkpoint::params).orElse(null);
    }

    /**
     * Whether the parameters are finite; a checkpoint of non-finite ones is not written (the last
     * good one on disk stays the newest), with a warning.
     */
    private boolean finite(MultiLayerNetwork net, RunPosition position) {
        if (finite.all(net.params())) {
            return true;
        }
        log.warn("not writing the checkpoint after epoch {} batch {}: the parameters hold NaN or infinite values; the newest "
                + "checkpoint on disk keeps the last finite ones", position.epochsCompleted(), position.batchInEpoch());
        return false;
    }

    private Checkpoint checkpoint(MultiLayerNetwork net, RunPosition position) {
        long metricsBytes = recorder.flushMeasurements();
        Random rng = Nd4j.getRandom();
        TrainingState state = new TrainingState(TrainingState.FORMAT, position, net.getIterationCount(), rng.rootState(),
                rng.nodeState(), stopping.get(), metricsBytes, facts.seed(), facts.inputs(),
                recorder.findings().all().stream().map(FindingsWriter::toMap).toList(), facts.featureStatistics(),
                facts.classNames(), facts.regressionOutputs(), facts.image());
        INDArray updaterState = net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
        return new Checkpoint(state, net.params(), updaterState, facts.config(), null);
    }
}
