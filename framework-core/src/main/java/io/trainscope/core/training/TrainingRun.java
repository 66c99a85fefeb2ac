package io.trainscope.core.training;

import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.evaluation.EvaluationResult;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.monitor.Dl4jListenerBridge;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.StopSignal;
import io.trainscope.core.run.OutputException;
import io.trainscope.core.run.RunEnd;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The life of one run, from its start (or a checkpoint) to its result: starts the recorder and
 * the monitors, runs the {@link TrainingLoop}, turns an exception into a failed run, always ends
 * the monitors, then puts the best parameters back, evaluates the test split and records the end.
 * A file of the run folder that cannot be written ({@link OutputException}: a full disk) ends the
 * run as failed, recorded as far as the disk allows, and is then thrown to the caller, without a
 * stack trace in the log. Built by {@link RunFactory}; one instance runs once.
 */
final class TrainingRun {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    private final long seed;
    private final int epochs;
    private final BuiltNetwork built;
    private final RunParts parts;
    private final EpochLoop loop;
    private final TrainingProgress progress;
    private final AutoCloseable backendRun;
    /** The run folder could not be written: thrown once the run is recorded as far as the disk allows. */
    private OutputException unwritable;

    /** @param backendRun what a {@link TrainingBackend} placed for this run, closed at its end; null for the local loop */
    TrainingRun(long seed, int epochs, BuiltNetwork built, RunParts parts, EpochLoop loop, TrainingProgress progress,
                AutoCloseable backendRun) {
        this.backendRun = backendRun;
        this.seed = seed;
        this.epochs = epochs;
        this.built = built;
        this.parts = parts;
        this.loop = loop;
        this.progress = progress;
    }

    TrainingResult run() {
        MultiLayerNetwork net = built.network();
        if (!parts.slots().isEmpty()) {
            net.setListeners(new Dl4jListenerBridge(parts.dispatcher()));
        }
        progress.runStarted(parts.recorder().runId(), seed, epochs, loop.batchesPerEpoch());
        parts.recorder().started();
        LoopEnd end = new LoopEnd(Outcome.FAILED, "an error ended the run", null);
        long t0 = System.nanoTime();
        try {
            parts.dispatcher().trainingStart(parts.pass(), net.getIterationCount(), loop.epoch());
            end = failure(loop::run);
        } catch (OutputException e) {
            unwritable = e;
            end = new LoopEnd(Outcome.FAILED, e.getMessage(), null);
        } catch (RuntimeException e) {
            end = LoopEnd.failed(e);
            log.error("training failed at epoch {}, iteration {}", loop.epoch(), net.getIterationCount(), e);
        } finally {
            end = endTraining(end, t0);
        }
        try {
            TrainingResult result = finish(end);
            if (unwritable != null) {
                throw unwritable;
            }
            return result;
        } finally {
            closeBackendRun();
        }
    }

    /** After the loop, however it ended: {@code onTrainingEnd}, the listeners and the dispatcher let go; the run's end. */
    private LoopEnd endTraining(LoopEnd end, long t0) {
        MultiLayerNetwork net = built.network();
        LoopEnd ended = end;
        try {
            parts.dispatcher().trainingEnd(end.outcome(), end.reason(), net.getIterationCount(), Math.max(0, loop.epoch() - 1));
        } catch (OutputException e) {
            unwritable = unwritable == null ? e : unwritable;
            ended = end.outcome() == Outcome.FAILED ? end : new LoopEnd(Outcome.FAILED, e.getMessage(), null);
        }
        LoopEnd last = ended;
        LoopEnd result = failure(() -> last);
        net.setListeners();
        parts.dispatcher().close();
        parts.recorder().metadata().put("training_seconds", (System.nanoTime() - t0) / 1e9);
        return result;
    }

    /**
     * The run's end when the core stopped it as failed outside the loop (a monitor that threw in
     * {@code onTrainingStart} or {@code onTrainingEnd} under {@code on-monitor-error: fail}), else
     * what {@code otherwise} gives.
     */
    private LoopEnd failure(Supplier<LoopEnd> otherwise) {
        StopSignal stop = parts.stop();
        return stop.failure() && stop.requested() ? new LoopEnd(Outcome.FAILED, stop.describe(), null) : otherwise.get();
    }

    private void closeBackendRun() {
        if (backendRun == null) {
            return;
        }
        try {
            backendRun.close();
        } catch (Exception e) {
            log.warn("could not free what the training backend placed for this run: {}", e.toString());
        }
    }

    /** Best parameters back, test evaluation, the result, and the run folder's last words. */
    private TrainingResult finish(LoopEnd end) {
        MultiLayerNetwork net = built.network();
        int epochsDone = loop.epoch();
        EarlyStopping early = parts.early();
        boolean usable = end.outcome() != Outcome.FAILED;
        if (usable && early != null && early.restoreBest(net)) {
            log.info("restored the best model: {} = {} at epoch {}", early.metric(), early.best(), early.bestEpoch() + 1);
        }
        EvaluationResult test = usable ? parts.meter().test(net, Math.max(0, epochsDone - 1)) : null;
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (MonitorSlot s : parts.slots()) {
            nanos.put(s.name(), s.nanos());
        }
        EpochFigures last = parts.boundary().last();
        TrainingResult result = new TrainingResult(parts.recorder().runId(), parts.recorder().directory(), seed,
                end.outcome(), end.reason(), end.stoppedBy(), epochsDone, net.getIterationCount(), last.trainingLoss(),
                last.validation(), test, parts.recorder().findings().all(), nanos, built);
        Map<String, Double> seconds = new LinkedHashMap<>();
        nanos.forEach((k, v) -> seconds.put(k, v / 1e9));
        parts.recorder().finish(new RunEnd(end.outcome(), end.reason(), result.failed(), epochsDone, result.iterations(),
                last.trainingLoss(), last.validation(), test == null ? Map.of() : test.metrics(), seconds));
        progress.runEnded(result);
        return result;
    }
}
