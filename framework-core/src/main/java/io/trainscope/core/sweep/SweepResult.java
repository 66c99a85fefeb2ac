package io.trainscope.core.sweep;

import java.nio.file.Path;

/**
 * What a sweep produced.
 *
 * @param directory  the sweep folder
 * @param state      every run with its summary, as {@code sweep.json} holds it
 * @param table      the table, as {@code sweep.md} shows it
 * @param comparison the report overlaying the runs, or null when none could be written
 * @param dataLoads  how many times a data source was asked to load in this call (once per distinct
 *                   data section and seed, not once per run)
 */
public record SweepResult(Path directory, SweepState state, SweepTable table, Path comparison, int dataLoads) {

    /** Whether any run failed. */
    public boolean anyFailed() {
        return state.runs().stream().anyMatch(r -> r.summary() == null || r.summary().failed());
    }
}
