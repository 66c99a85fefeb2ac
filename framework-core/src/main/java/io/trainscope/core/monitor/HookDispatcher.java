package io.trainscope.core.monitor;

import io.trainscope.api.monitor.DatasetPassContext;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingEndContext;
import io.trainscope.api.monitor.View;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.monitor.context.SlotContexts;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Delivers training events to a run's monitors under the dispatch contract written on
 * {@link io.trainscope.api.monitor.Monitor}: config order, one thread, a throwing monitor is
 * logged, reported and disabled, and no work at all happens for monitors on iterations nobody
 * asked for. Per-iteration events arrive from DL4J through {@link Dl4jListenerBridge}.
 */
public final class HookDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HookDispatcher.class);

    private final List<MonitorSlot> slots;
    private final List<SlotContexts> contexts = new ArrayList<>();
    private final RunServices services;
    private final BuiltNetwork built;
    private final IterationState state;

    private boolean active;
    private boolean wantsForward;
    private boolean wantsBackward;
    private boolean wantsUpdate;
    private boolean wantsPre;

    /**
     * @param slots     the run's monitors in dispatch order
     * @param epochs    planned epochs
     * @param examples  training examples per epoch
     * @param batchSize the configured batch size
     */
    public HookDispatcher(List<MonitorSlot> slots, RunServices services, BuiltNetwork built, int epochs, long examples,
                          int batchSize) {
        this.slots = List.copyOf(slots);
        this.services = services;
        this.built = built;
        this.state = new IterationState(built, services.views());
        for (MonitorSlot slot : this.slots) {
            contexts.add(new SlotContexts(slot, services, state, epochs, examples, batchSize));
        }
    }

    /** The monitors of this run. */
    public List<MonitorSlot> slots() {
        return slots;
    }

    /** Training start: {@code onTrainingStart}, then each monitor's sampling, then a dataset pass if asked for. */
    public void trainingStart(DatasetPass pass, long iteration, int epoch) {
        state.begin(iteration, epoch);
        services.stats().invalidate();
        for (int i = 0; i < slots.size(); i++) {
            SlotContexts c = contexts.get(i);
            MonitorSlot slot = slots.get(i);
            call(slot, () -> slot.monitor().onTrainingStart(c.start()));
            call(slot, () -> slot.sampling(slot.monitor().sampling()));
        }
        List<Integer> passSlots = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).enabled() && slots.get(i).sampling().datasetPassEveryEpochs() > 0) {
                passSlots.add(i);
            }
        }
        runPass(pass, passSlots, DatasetPassContext.Trigger.TRAINING_START);
    }

    /** Epoch start. */
    public void epochStart(int epoch, long iteration) {
        state.begin(iteration, epoch);
        services.stats().invalidate();
        for (int i = 0; i < slots.size(); i++) {
            SlotContexts c = contexts.get(i);
            MonitorSlot slot = slots.get(i);
            call(slot, () -> slot.monitor().onEpochStart(c.epoch(Double.NaN, Map.of())));
        }
    }

    /**
     * Plans the next iteration: which monitors get which views. Arms the pre-activation tap only
     * when some monitor asked for pre-activations.
     *
     * @return whether any monitor wants anything on this iteration
     */
    public boolean beforeIteration(long iteration, int epoch, int batchSize, double learningRate) {
        wantsForward = wantsBackward = wantsUpdate = wantsPre = false;
        for (MonitorSlot slot : slots) {
            Set<View> views = slot.plan(iteration);
            if (!views.isEmpty()) {
                wantsForward |= views.contains(View.ACTIVATIONS) || views.contains(View.PRE_ACTIVATIONS);
                wantsPre |= views.contains(View.PRE_ACTIVATIONS);
                wantsBackward |= views.contains(View.GRADIENTS);
                wantsUpdate |= views.contains(View.UPDATES);
            }
        }
        active = wantsForward || wantsBackward || wantsUpdate;
        if (active) {
            state.begin(iteration, epoch);
            state.batchSize = batchSize;
            state.learningRate = learningRate;
            if (wantsPre) {
                built.tap().arm();
            }
        }
        return active;
    }

    /** DL4J's forward pass of this iteration: keeps a reference to its activation list (no copy). */
    void forwardPass(List<INDArray> activations) {
        if (active && wantsForward) {
            state.activations = activations;
        }
    }

    /** DL4J's backward pass is done: delivers {@code onForward} and {@code onBackward}. */
    void backwardPass(double loss, INDArray labels) {
        if (!active) {
            return;
        }
        state.loss = loss;
        state.labels = labels;
        services.stats().invalidate();
        if (wantsForward && state.activations != null) {
            for (int i = 0; i < slots.size(); i++) {
                MonitorSlot slot = slots.get(i);
                if (slot.wants(View.ACTIVATIONS) || slot.wants(View.PRE_ACTIVATIONS)) {
                    SlotContexts c = contexts.get(i);
                    call(slot, () -> slot.monitor().onForward(c.forward()));
                }
            }
        }
        if (wantsPre) {
            built.tap().disarm();
        }
        state.activations = null;
        if (wantsBackward) {
            for (int i = 0; i < slots.size(); i++) {
                MonitorSlot slot = slots.get(i);
                if (slot.wants(View.GRADIENTS)) {
                    SlotContexts c = contexts.get(i);
                    call(slot, () -> slot.monitor().onBackward(c.backward()));
                }
            }
        }
    }

    /** DL4J applied the update: delivers {@code onUpdate}. */
    void iterationDone() {
        if (!active) {
            return;
        }
        if (wantsUpdate) {
            services.stats().invalidate();
            for (int i = 0; i < slots.size(); i++) {
                MonitorSlot slot = slots.get(i);
                if (slot.wants(View.UPDATES)) {
                    SlotContexts c = contexts.get(i);
                    call(slot, () -> slot.monitor().onUpdate(c.update()));
                }
            }
        }
        active = false;
    }

    /** Whether the current iteration is being observed. */
    boolean active() {
        return active;
    }

    /**
     * Epoch end: {@code onEpochEnd} with the epoch's figures, then a dataset pass for monitors
     * that want one after this epoch, then a flush of the measurements.
     */
    public void epochEnd(int epoch, long iteration, double trainingLoss, Map<String, Double> validation, DatasetPass pass) {
        state.begin(iteration, epoch);
        services.stats().invalidate();
        for (int i = 0; i < slots.size(); i++) {
            SlotContexts c = contexts.get(i);
            MonitorSlot slot = slots.get(i);
            call(slot, () -> slot.monitor().onEpochEnd(c.epoch(trainingLoss, validation)));
        }
        List<Integer> passSlots = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).enabled() && slots.get(i).sampling().wantsDatasetPassAfterEpoch(epoch)) {
                passSlots.add(i);
            }
        }
        runPass(pass, passSlots, DatasetPassContext.Trigger.EPOCH_END);
        services.sink().flush();
    }

    /** Training end, whatever the outcome. */
    public void trainingEnd(TrainingEndContext.Outcome outcome, String reason, long iteration, int epoch) {
        state.begin(iteration, epoch);
        services.stats().invalidate();
        built.tap().disarm();
        for (int i = 0; i < slots.size(); i++) {
            SlotContexts c = contexts.get(i);
            MonitorSlot slot = slots.get(i);
            if (slot.enabled()) {
                call(slot, () -> slot.monitor().onTrainingEnd(c.end(outcome, reason)));
            }
        }
        services.sink().flush();
    }

    private void runPass(DatasetPass pass, List<Integer> passSlots, DatasetPassContext.Trigger trigger) {
        if (passSlots.isEmpty() || pass == null) {
            return;
        }
        int[] outputIndex = built.layout().output();
        int batches = pass.run((batch, seen, activations) -> {
            services.stats().invalidate();
            for (int i : passSlots) {
                MonitorSlot slot = slots.get(i);
                if (slot.enabled()) {
                    SlotContexts c = contexts.get(i);
                    call(slot, () -> slot.monitor().onDatasetPassBatch(c.pass(trigger, batch, seen, activations, outputIndex)));
                }
            }
        });
        services.stats().invalidate();
        for (int i : passSlots) {
            MonitorSlot slot = slots.get(i);
            if (slot.enabled()) {
                SlotContexts c = contexts.get(i);
                call(slot, () -> slot.monitor().onDatasetPassEnd(c.pass(trigger, batches, pass.examples(), null, outputIndex)));
            }
        }
    }

    /** Runs one callback under the dispatch contract: timed, and a throw disables the monitor. */
    private void call(MonitorSlot slot, Runnable callback) {
        if (!slot.enabled()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            callback.run();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            slot.disable();
            log.error("monitor '{}' failed at iteration {} and is disabled for the rest of the run", slot.name(),
                    state.iteration(), e);
            Consumer<io.trainscope.api.monitor.Finding> findings = services.findings();
            new io.trainscope.api.monitor.Finding.Builder(slot.name(), Pathology.MONITOR_FAILURE, Severity.WARNING,
                    state.iteration(), state.epoch(), findings)
                    .summary("The monitor '" + slot.name() + "' threw " + e.getClass().getSimpleName()
                            + " and was disabled; its measurements stop here.")
                    .evidence(String.valueOf(e.getMessage()))
                    .prescription("Check the monitor's parameters; if they are right, report the stack trace in the log "
                            + "to the monitor's author.")
                    .report();
        } finally {
            slot.addTime(System.nanoTime() - t0);
        }
    }

    @Override
    public void close() {
        state.close();
        built.tap().close();
    }
}
