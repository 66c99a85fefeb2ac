package io.trainscope.core.monitor;

import io.trainscope.api.monitor.DatasetPassContext;
import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Monitor;
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
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Delivers training events to a run's monitors under the dispatch contract written on
 * {@link Monitor}: config order, one thread, a throwing monitor is logged, reported and disabled,
 * and no work at all happens for monitors on iterations nobody asked for. Every monitor's
 * schedule was settled when the config was resolved ({@link MonitorSlot#sampling()});
 * {@link IterationPlan} applies it per iteration. Per-iteration events arrive from DL4J through
 * {@link Dl4jListenerBridge}.
 */
public final class HookDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HookDispatcher.class);

    private final List<MonitorSlot> slots;
    private final List<SlotContexts> contexts = new ArrayList<>();
    private final RunServices services;
    private final BuiltNetwork built;
    private final IterationState state;
    private final IterationPlan plan;

    private boolean active;

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
        this.plan = new IterationPlan(this.slots);
        for (MonitorSlot slot : this.slots) {
            contexts.add(new SlotContexts(slot, services, state, epochs, examples, batchSize));
        }
    }

    /** The monitors of this run. */
    public List<MonitorSlot> slots() {
        return slots;
    }

    /** Training start: {@code onTrainingStart}, then a dataset pass for the monitors that want one. */
    public void trainingStart(DatasetPass pass, long iteration, int epoch) {
        state.begin(iteration, epoch);
        services.stats().invalidate();
        for (int i = 0; i < slots.size(); i++) {
            SlotContexts c = contexts.get(i);
            MonitorSlot slot = slots.get(i);
            call(slot, () -> slot.monitor().onTrainingStart(c.start()));
        }
        List<Integer> passSlots = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).enabled() && slots.get(i).sampling().wantsDatasetPass()) {
                passSlots.add(i);
            }
        }
        runPass(pass, passSlots, DatasetPassContext.Trigger.TRAINING_START);
    }

    /** Epoch start. */
    public void epochStart(int epoch, long iteration) {
        plan.epochStarts(iteration);
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
     * @return whether DL4J's hooks must be followed on this iteration
     */
    public boolean beforeIteration(long iteration, int epoch, int batchSize, double learningRate) {
        active = plan.plan(iteration, epoch);
        if (active) {
            state.begin(iteration, epoch);
            state.batchSize = batchSize;
            state.learningRate = learningRate;
            if (plan.preActivations()) {
                built.tap().arm();
            }
        }
        return active;
    }

    /** DL4J's forward pass of this iteration: keeps a reference to its activation list (no copy). */
    void forwardPass(List<INDArray> activations) {
        if (active && plan.keepsActivations()) {
            state.activations = activations;
        }
    }

    /**
     * DL4J's backward pass is done and the loss known: adds the views of a non-finite loss, then
     * delivers {@code onForward} and {@code onBackward}.
     */
    void backwardPass(double loss, INDArray labels) {
        if (!active) {
            return;
        }
        plan.lossKnown(loss);
        state.loss = loss;
        state.labels = labels;
        services.stats().invalidate();
        if (plan.forward() && state.activations != null) {
            deliver(View.ACTIVATIONS, View.PRE_ACTIVATIONS, (m, c) -> m.onForward(c.forward()));
        }
        if (plan.preActivations()) {
            built.tap().disarm();
        }
        state.activations = null;
        if (plan.backward()) {
            deliver(View.GRADIENTS, View.GRADIENTS, (m, c) -> m.onBackward(c.backward()));
        }
    }

    /** DL4J applied the update: delivers {@code onUpdate}. */
    void iterationDone() {
        if (!active) {
            return;
        }
        if (plan.update()) {
            services.stats().invalidate();
            deliver(View.UPDATES, View.UPDATES, (m, c) -> m.onUpdate(c.update()));
        }
        active = false;
    }

    /** Calls {@code callback} on every slot that gets {@code view} or {@code orView} this iteration. */
    private void deliver(View view, View orView, BiConsumer<Monitor, SlotContexts> callback) {
        for (int i = 0; i < slots.size(); i++) {
            MonitorSlot slot = slots.get(i);
            if (slot.wants(view) || slot.wants(orView)) {
                SlotContexts c = contexts.get(i);
                call(slot, () -> callback.accept(slot.monitor(), c));
            }
        }
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
            Consumer<Finding> findings = services.findings();
            new Finding.Builder(slot.name(), Pathology.MONITOR_FAILURE, Severity.WARNING,
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
