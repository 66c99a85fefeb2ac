package io.trainscope.core.monitor;

import io.trainscope.api.monitor.View;

import java.util.List;

/**
 * Which monitors get which views on the current iteration: planned from each monitor's
 * {@link io.trainscope.api.monitor.Sampling} (and on-demand requests) before DL4J's {@code fit},
 * and widened once the loss is known when it is not finite and a monitor asked for such
 * iterations.
 */
final class IterationPlan {

    private final List<MonitorSlot> slots;
    private long epochStart = -1;
    private boolean watchesLoss;
    private boolean forward;
    private boolean preActivations;
    private boolean preActivationGradients;
    private boolean backward;
    private boolean update;

    IterationPlan(List<MonitorSlot> slots) {
        this.slots = slots;
    }

    /** The first iteration of the epoch that starts now. */
    void epochStarts(long iteration) {
        epochStart = iteration;
    }

    /**
     * Plans {@code iteration} of {@code epoch}.
     *
     * @return whether DL4J's hooks must be followed on it: some monitor wants a view, or the loss
     *         must be checked for a monitor that samples non-finite losses
     */
    boolean plan(long iteration, int epoch) {
        forward = preActivations = preActivationGradients = backward = update = false;
        watchesLoss = false;
        boolean firstOfEpoch = iteration == epochStart;
        for (MonitorSlot slot : slots) {
            slot.plan(iteration, epoch, firstOfEpoch);
            include(slot);
            watchesLoss |= slot.enabled() && slot.sampling().whenLossNotFinite();
        }
        return delivers() || watchesLoss;
    }

    /** The loss is known: a non-finite one adds the unplanned views of the monitors that sample such iterations. */
    void lossKnown(double loss) {
        if (!watchesLoss || Double.isFinite(loss)) {
            return;
        }
        for (MonitorSlot slot : slots) {
            if (slot.addUnplanned()) {
                include(slot);
            }
        }
    }

    private void include(MonitorSlot slot) {
        forward |= slot.wants(View.ACTIVATIONS) || slot.wants(View.PRE_ACTIVATIONS);
        preActivations |= slot.wants(View.PRE_ACTIVATIONS);
        preActivationGradients |= slot.wants(View.PRE_ACTIVATION_GRADIENTS);
        backward |= slot.wants(View.GRADIENTS) || slot.wants(View.PRE_ACTIVATION_GRADIENTS);
        update |= slot.wants(View.UPDATES);
    }

    /** Whether any monitor gets a view on this iteration. */
    boolean delivers() {
        return forward || backward || update;
    }

    boolean forward() {
        return forward;
    }

    boolean preActivations() {
        return preActivations;
    }

    boolean preActivationGradients() {
        return preActivationGradients;
    }

    boolean backward() {
        return backward;
    }

    boolean update() {
        return update;
    }
}
