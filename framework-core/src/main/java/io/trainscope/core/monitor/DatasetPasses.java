package io.trainscope.core.monitor;

import io.trainscope.api.monitor.DatasetPassContext;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.core.monitor.context.SlotContexts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The dataset passes of a run's monitors: at training start and after an epoch, for the enabled
 * monitors whose sampling asks for one now, runs the pass over the data and delivers
 * {@code onDatasetPassBatch} per batch and {@code onDatasetPassEnd} after it, in config order.
 * The per-iteration events are {@link HookDispatcher}'s; this class only runs passes.
 */
final class DatasetPasses {

    /** Runs one monitor callback under the dispatch contract (timed; a throw disables the monitor). */
    @FunctionalInterface
    interface Caller {
        void call(MonitorSlot slot, String hook, Runnable callback);
    }

    private final List<MonitorSlot> slots;
    private final List<SlotContexts> contexts;
    private final RunServices services;
    private final int[] passIndex;
    private final Caller caller;

    /**
     * @param slots     the run's monitors in dispatch order
     * @param contexts  each slot's contexts, in the same order
     * @param passIndex for each layer, its DL4J index in a pass's activation list; null when the run has no passes
     */
    DatasetPasses(List<MonitorSlot> slots, List<SlotContexts> contexts, RunServices services, int[] passIndex,
                  Caller caller) {
        this.slots = slots;
        this.contexts = contexts;
        this.services = services;
        this.passIndex = passIndex;
        this.caller = caller;
    }

    /** Runs {@code pass} for the enabled monitors {@code wants} selects; nothing when none does or there is no pass. */
    void run(DatasetPass pass, Predicate<Sampling> wants, DatasetPassContext.Trigger trigger) {
        List<Integer> passSlots = passSlots(wants);
        if (passSlots.isEmpty() || pass == null || passIndex == null) {
            return;
        }
        int batches = pass.run((batch, seen, activations) -> {
            services.stats().invalidate();
            for (int i : passSlots) {
                MonitorSlot slot = slots.get(i);
                if (slot.enabled()) {
                    SlotContexts c = contexts.get(i);
                    caller.call(slot, "onDatasetPassBatch",
                            () -> slot.monitor().onDatasetPassBatch(c.pass(trigger, batch, seen, activations, passIndex)));
                }
            }
        });
        services.stats().invalidate();
        for (int i : passSlots) {
            MonitorSlot slot = slots.get(i);
            if (slot.enabled()) {
                SlotContexts c = contexts.get(i);
                caller.call(slot, "onDatasetPassEnd",
                        () -> slot.monitor().onDatasetPassEnd(c.pass(trigger, batches, pass.examples(), null, passIndex)));
            }
        }
    }

    /** The enabled monitors whose sampling asks for a dataset pass now. */
    private List<Integer> passSlots(Predicate<Sampling> wants) {
        List<Integer> passSlots = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).enabled() && wants.test(slots.get(i).sampling())) {
                passSlots.add(i);
            }
        }
        return passSlots;
    }
}
