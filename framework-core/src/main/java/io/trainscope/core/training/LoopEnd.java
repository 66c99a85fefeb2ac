package io.trainscope.core.training;

import io.trainscope.api.monitor.TrainingEndContext.Outcome;

/**
 * How a training loop ended.
 *
 * @param outcome   the outcome
 * @param reason    why, in words; empty when it completed
 * @param stoppedBy the monitor that asked to stop, or null
 */
public record LoopEnd(Outcome outcome, String reason, String stoppedBy) {

    /** Every planned epoch ran. */
    public static final LoopEnd COMPLETED = new LoopEnd(Outcome.COMPLETED, "", null);

    /** An exception ended the loop. */
    public static LoopEnd failed(RuntimeException e) {
        return new LoopEnd(Outcome.FAILED, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                null);
    }
}
