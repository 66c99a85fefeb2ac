package io.trainscope.core.monitor;

import io.trainscope.api.monitor.DatasetPassContext;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.TrainingEndContext;
import io.trainscope.api.monitor.View;
import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.monitor.context.SlotContexts;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Delivers training events to a run's monitors under the dispatch contract written on
 * {@link Monitor}: config order, one thread, a throwing monitor is logged, reported and disabled,
 * and no work at all happens for monitors on iterations nobody asked for. Every monitor's
 * schedule was settled when the config was resolved ({@link MonitorSlot#sampling()});
 * {@link IterationPlan} applies it per iteration. Per-iteration events arrive from DL4J through
 * {@link Dl4jListenerBridge}; dataset passes (at training start, after an epoch) are run by
 * {@link DatasetPasses}.
 */
public final class HookDispatcher implements AutoCloseable {

    private final List<MonitorSlot> slots;
    private final List<SlotContexts> contexts = new ArrayList<>();
    private final RunServices services;
    private final ForwardArrays forward;
    private final DatasetPasses passes;
    private final IterationState state;
    private final IterationPlan plan;
    private final MonitorGuard guard;

    private boolean active;

    /**
     * Dispatch for a network trainscope built.
     *
     * @param slots     the run's monitors in dispatch order
     * @param epochs    planned epochs
     * @param examples  training examples per epoch
     * @param batchSize the configured batch size
     */
    public HookDispatcher(List<MonitorSlot> slots, RunServices services, BuiltNetwork built, int epochs, long examples,
                          int batchSize) {
        this(slots, services, new BuiltForward(built, services.views()),
                built.network().getLayerWiseConfigurations().getConf(0).isMiniBatch(), built.layout().output(), epochs,
                examples, batchSize);
    }

    /**
     * Dispatch for any network: each monitor sees the layers it reads (the others are named in one
     * log line per monitor).
     *
     * @param slots     the run's monitors in dispatch order
     * @param forward   where the forward pass's arrays come from
     * @param miniBatch whether DL4J divides gradients by the batch size
     * @param passIndex for each layer, its DL4J index in a dataset pass's activation list; null when
     *                  the run has no dataset passes
     * @param epochs    planned epochs (0 when unknown)
     * @param examples  training examples per epoch (0 when unknown)
     * @param batchSize the configured batch size (0 when unknown)
     */
    public HookDispatcher(List<MonitorSlot> slots, RunServices services, ForwardArrays forward, boolean miniBatch,
                          int[] passIndex, int epochs, long examples, int batchSize) {
        this.slots = List.copyOf(slots);
        this.services = services;
        this.forward = forward;
        this.state = new IterationState(forward, services.views(), miniBatch);
        this.plan = new IterationPlan(this.slots);
        this.guard = new MonitorGuard(services.findings(), services.stop());
        guard.failRun(services.failOnMonitorError());
        for (MonitorSlot slot : this.slots) {
            call(slot, "reads", () -> slot.see(services.network()));
            contexts.add(new SlotContexts(slot, services, state, epochs, examples, batchSize));
        }
        this.passes = new DatasetPasses(this.slots, contexts, services, passIndex, this::call);
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
            call(slot, "onTrainingStart", () -> slot.monitor().onTrainingStart(c.start()));
        }
        passes.run(pass, Sampling::wantsDatasetPass, DatasetPassContext.Trigger.TRAINING_START);
    }

    /** Epoch start. */
    public void epochStart(int epoch, long iteration) {
        plan.epochStarts(iteration);
        state.begin(iteration, epoch);
        services.stats().invalidate();
        for (int i = 0; i < slots.size(); i++) {
            SlotContexts c = contexts.get(i);
            MonitorSlot slot = slots.get(i);
            call(slot, "onEpochStart", () -> slot.monitor().onEpochStart(c.epoch(Double.NaN, Map.of())));
        }
    }

    /**
     * Plans the next iteration: which monitors get which views. Arms the capture of pre-activations
     * (and of {@code dL/dz}) only when some monitor asked for them.
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
                forward.arm();
            }
            if (plan.preActivationGradients()) {
                forward.armGradients();
            }
        }
        return active;
    }

    /** Whether the planned iteration delivers views to some monitor, not only a watch on its loss (for a backend's probe). */
    public boolean deliversViews() {
        return active && plan.delivers();
    }

    /** Ends a planned iteration that will not run: nothing is delivered, the pre-activation tap is disarmed. */
    public void skipIteration() {
        if (active && (plan.preActivations() || plan.preActivationGradients())) {
            forward.disarm();
        }
        active = false;
    }

    /** DL4J's forward pass of a {@code MultiLayerNetwork}: keeps a reference to its activation list (no copy). */
    void forwardPass(List<INDArray> activations) {
        if (active) {
            forward.keep(activations);
            batchFromInput();
        }
    }

    /** DL4J's forward pass of a {@code ComputationGraph}: keeps a reference to its activation map (no copy). */
    void forwardPass(Map<String, INDArray> activations) {
        if (active) {
            forward.keep(activations);
            batchFromInput();
        }
    }

    /** The batch size, when the loop did not say it before the iteration: the forward pass's input's rows. */
    private void batchFromInput() {
        if (state.batchSize <= 0) {
            state.batchSize = (int) forward.input().size(0);
        }
    }

    /** Backward pass done, loss known: adds a non-finite loss's views, delivers {@code onForward}, {@code onBackward}. */
    void backwardPass(double loss, INDArray labels) {
        if (!active) {
            return;
        }
        plan.lossKnown(loss);
        state.loss = loss;
        state.labels = labels;
        services.stats().invalidate();
        if (plan.preActivationGradients()) {
            state.gradientsDone();
        }
        if (plan.forward() && forward.kept()) {
            deliver(View.ACTIVATIONS, View.PRE_ACTIVATIONS, "onForward", (m, c) -> m.onForward(c.forward()));
        }
        if (plan.preActivations()) {
            forward.disarm();
        }
        forward.forget();
        if (plan.backward()) {
            deliver(View.GRADIENTS, View.PRE_ACTIVATION_GRADIENTS, "onBackward", (m, c) -> m.onBackward(c.backward()));
        }
    }

    /** DL4J applied the update: delivers {@code onUpdate}. */
    void iterationDone() {
        if (!active) {
            return;
        }
        if (plan.update()) {
            services.stats().invalidate();
            deliver(View.UPDATES, View.UPDATES, "onUpdate", (m, c) -> m.onUpdate(c.update()));
        }
        active = false;
    }

    /** Calls {@code callback} on every slot that gets {@code view} or {@code orView} this iteration. */
    private void deliver(View view, View orView, String hook, BiConsumer<Monitor, SlotContexts> callback) {
        for (int i = 0; i < slots.size(); i++) {
            MonitorSlot slot = slots.get(i);
            if (slot.wants(view) || slot.wants(orView)) {
                SlotContexts c = contexts.get(i);
                call(slot, hook, () -> callback.accept(slot.monitor(), c));
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
            call(slot, "onEpochEnd", () -> slot.monitor().onEpochEnd(c.epoch(trainingLoss, validation)));
        }
        passes.run(pass, s -> s.wantsDatasetPassAfterEpoch(epoch), DatasetPassContext.Trigger.EPOCH_END);
        services.sink().flush();
    }

    /** Training end, whatever the outcome. */
    public void trainingEnd(TrainingEndContext.Outcome outcome, String reason, long iteration, int epoch) {
        state.begin(iteration, epoch);
        services.stats().invalidate();
        forward.disarm();
        for (int i = 0; i < slots.size(); i++) {
            SlotContexts c = contexts.get(i);
            MonitorSlot slot = slots.get(i);
            if (slot.enabled()) {
                call(slot, "onTrainingEnd", () -> slot.monitor().onTrainingEnd(c.end(outcome, reason)));
            }
        }
        services.sink().flush();
    }

    /** Runs one callback, the monitor's {@code hook}, under the dispatch contract: timed, and a throw disables the monitor. */
    private void call(MonitorSlot slot, String hook, Runnable callback) {
        guard.call(slot, hook, callback, state.iteration(), state.epoch());
    }

    @Override
    public void close() {
        state.close();
    }
}
