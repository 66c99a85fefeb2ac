package io.trainscope.core.sweep;

/**
 * Hears a sweep's progress, on the thread that runs it: the command line prints a line per run.
 * Every method has a no-op default.
 */
public interface SweepListener {

    /** Hears nothing. */
    SweepListener NONE = new SweepListener() {
    };

    /** A run is about to start, or to resume from its checkpoint. */
    default void runStarting(PlannedRun run, int runs, boolean resuming) {
    }

    /** A run ended (or could not start); {@code summary.failed()} says whether it failed. */
    default void runEnded(PlannedRun run, RunSummary summary) {
    }

    /** A run was done before this sweep was resumed and is not trained again. */
    default void runAlreadyDone(PlannedRun run, RunSummary summary) {
    }
}
