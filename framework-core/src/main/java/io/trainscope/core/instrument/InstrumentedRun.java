package io.trainscope.core.instrument;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.NetworkInfo;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingEndContext.Outcome;
import io.trainscope.core.monitor.Dl4jListenerBridge;
import io.trainscope.core.monitor.HookDispatcher;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.StopSignal;
import io.trainscope.core.run.RunEnd;
import io.trainscope.core.run.RunRecorder;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network an application built, watched by trainscope's monitors while the application trains
 * it with DL4J's own {@code fit} ({@code Trainscope.instrument}): the DL4J {@code TrainingListener}
 * installed on the network, and the handle that finishes the run folder when closed.
 *
 * <h2>Epochs and iterations</h2>
 * Iterations are counted from 0 since the network was instrumented, across every {@code fit} call.
 * An epoch ends where DL4J says one ends: {@code fit(DataSetIterator)} and DL4J's early-stopping
 * trainers call the listener at each epoch's start and end. Calls of {@code fit(DataSet)} (or of
 * arrays) have no epochs: their iterations belong to the epoch in progress, which ends at the next
 * epoch end DL4J reports or when the run is closed.
 *
 * <h2>Observing only</h2>
 * The listener reads the network and never changes it: the same network trained with and without
 * it ends with the same weights. It ignores events of any other model (DL4J's early-stopping
 * trainers clone the network to keep the best one; a {@code ComputationGraph}'s clone shares its
 * listeners). A monitor's request to stop cannot stop the application's {@code fit}: it is logged,
 * kept in {@link #stopRequested()} for the application's own loop to check, and recorded as the
 * run's outcome.
 *
 * <p>{@link #close()} removes the listener, ends the epoch in progress, delivers the monitors'
 * training end and writes {@code run.json}, {@code findings.json}, the flushed {@code metrics.jsonl}
 * and, when the report module is on the classpath, {@code report.html}; {@code trainscope report
 * RUN_DIR} writes the report later as well.
 */
public final class InstrumentedRun extends BaseTrainingListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InstrumentedRun.class);

    private final Model network;
    private final UserLayout layout;
    private final HookDispatcher dispatcher;
    private final Dl4jListenerBridge bridge;
    private final RunRecorder recorder;
    private final ListenerMeter meter;
    private final StopSignal stop;
    private final List<MonitorSlot> slots;

    private long iteration;
    private int epoch;
    private long epochIterations;
    private int batchSize;
    private double lastLoss = Double.NaN;
    private boolean stopLogged;
    private boolean closed;

    InstrumentedRun(Model network, UserLayout layout, HookDispatcher dispatcher, RunRecorder recorder,
                    ListenerMeter meter, StopSignal stop, List<MonitorSlot> slots) {
        this.network = network;
        this.layout = layout;
        this.dispatcher = dispatcher;
        this.bridge = new Dl4jListenerBridge(dispatcher);
        this.recorder = recorder;
        this.meter = meter;
        this.stop = stop;
        this.slots = List.copyOf(slots);
    }

    /** Training starts now, on the network's present weights: the monitors' training start, then epoch 0. */
    void start() {
        recorder.started();
        dispatcher.trainingStart(null, 0, 0);
        openEpoch();
    }

    @Override
    public void onEpochStart(Model model) {
        if (mine(model) && epochIterations > 0) {
            endEpoch();
            openEpoch();
        }
    }

    @Override
    public void onEpochEnd(Model model) {
        if (mine(model) && epochIterations > 0) {
            endEpoch();
            openEpoch();
        }
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (mine(model)) {
            batchSize = (int) activations.get(0).size(0);
            bridge.onForwardPass(model, activations);
        }
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        if (mine(model)) {
            batchSize = (int) activations.get(layout.inputName()).size(0);
            bridge.onForwardPass(model, activations);
        }
    }

    @Override
    public void onBackwardPass(Model model) {
        if (mine(model)) {
            bridge.onBackwardPass(model);
        }
    }

    @Override
    public void iterationDone(Model model, int dl4jIteration, int dl4jEpoch) {
        if (!mine(model)) {
            return;
        }
        bridge.iterationDone(model, dl4jIteration, dl4jEpoch);
        meter.iteration(iteration, epoch, model.score(), batchSize);
        if (iteration == 0) {
            recorder.firstIterationDone();
        }
        iteration++;
        epochIterations++;
        if (stop.requested() && !stopLogged) {
            stopLogged = true;
            log.warn("monitor {} asked to stop training; an instrumented run cannot stop the application's fit, "
                    + "which goes on (check InstrumentedRun.stopRequested() in your loop)", stop.describe());
        }
        plan();
    }

    private boolean mine(Model model) {
        return model == network && !closed;
    }

    private void openEpoch() {
        epochIterations = 0;
        meter.startEpoch();
        dispatcher.epochStart(epoch, iteration);
        plan();
    }

    /** Plans the coming iteration: whether DL4J's hooks must be followed on it. */
    private void plan() {
        dispatcher.beforeIteration(iteration, epoch, 0, learningRate());
    }

    private void endEpoch() {
        lastLoss = meter.endEpoch(iteration, epoch, learningRate());
        dispatcher.epochEnd(epoch, iteration, lastLoss, Map.of(), null);
        recorder.epochDone(epoch + 1, iteration);
        epoch++;
    }

    /** The learning rate the first layer with weights uses now, or NaN when its updater has none. */
    private double learningRate() {
        for (UserLayer u : layout.layers()) {
            if (u.weighted() && u.layer().conf().getLayer() instanceof BaseLayer b) {
                IUpdater updater = b.getIUpdater();
                return updater != null && updater.hasLearningRate()
                        ? updater.getLearningRate(u.layer().getIterationCount(), u.layer().getEpochCount()) : Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * Finishes the run: removes the listener from the network, ends the epoch in progress (if it
     * trained anything), delivers the monitors' training end, and writes the run folder's last
     * files and its report. Closing twice does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        detach();
        int last = epochIterations > 0 ? epoch : Math.max(0, epoch - 1);
        if (epochIterations > 0) {
            endEpoch();
        }
        Outcome outcome = stop.requested() ? Outcome.STOPPED_BY_MONITOR : Outcome.COMPLETED;
        String reason = stop.requested() ? stop.describe() + " (the application's training went on)"
                : "the application closed the instrumented run";
        dispatcher.trainingEnd(outcome, reason, iteration, last);
        dispatcher.close();
        recorder.finish(new RunEnd(outcome, reason, failed(), epoch, iteration, lastLoss, Map.of(), Map.of(),
                monitorSeconds()));
    }

    private void detach() {
        List<TrainingListener> rest = new ArrayList<>(network instanceof MultiLayerNetwork m ? m.getListeners()
                : ((ComputationGraph) network).getListeners());
        rest.remove(this);
        if (network instanceof MultiLayerNetwork m) {
            m.setListeners(rest);
        } else {
            ((ComputationGraph) network).setListeners(rest);
        }
    }

    /** Failed when a monitor asked to stop after reporting a critical finding itself (NaN in the loss, say). */
    private boolean failed() {
        return stop.requested() && findings().stream().anyMatch(f -> f.monitor().equals(stop.requestedBy())
                && f.severity() == Severity.CRITICAL);
    }

    private Map<String, Double> monitorSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        slots.forEach(s -> seconds.put(s.name(), s.nanos() / 1e9));
        return seconds;
    }

    /** The run folder, or null for a run without files. */
    public Path directory() {
        return recorder.directory();
    }

    /** The run's id: its folder's name. */
    public String runId() {
        return recorder.runId();
    }

    /** The findings so far, in the order they were reported. */
    public List<Finding> findings() {
        return recorder.findings().all();
    }

    /** The network as trainscope sees it: its covered layers, with the application's names. */
    public NetworkInfo network() {
        return layout.info();
    }

    /** The network's layers monitors do not see, as {@code name (DL4J class)}. */
    public List<String> notCovered() {
        return layout.notCovered();
    }

    /** Whether a monitor asked to stop training (the application decides whether to). */
    public boolean stopRequested() {
        return stop.requested();
    }

    /** Iterations trained since the network was instrumented. */
    public long iterations() {
        return iteration;
    }

    /** Epochs ended so far. */
    public int epochs() {
        return epoch;
    }

    /** Time spent inside each monitor's callbacks, in nanoseconds, by monitor name. */
    public Map<String, Long> monitorNanos() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        slots.forEach(s -> nanos.put(s.name(), s.nanos()));
        return nanos;
    }
}
