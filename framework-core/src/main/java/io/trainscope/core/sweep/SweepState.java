package io.trainscope.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code sweep.json}: the sweep's identity, how to plan it again (config origin,
 * directory, overrides; the config text itself is {@code sweep.yaml} beside it), and every run
 * with its state and, once done, its summary. The format is in {@code docs/config.md} ("sweep").
 *
 * @param format    the file format version
 * @param name      the config's name
 * @param origin    where the config came from
 * @param directory the absolute directory its relative paths resolve against
 * @param overrides values set over the config before expansion, by path
 * @param created   when the sweep started (ISO-8601)
 * @param finished  when its last run ended, or null
 * @param axes      the swept paths and their value labels
 * @param runs      the runs in order
 */
public record SweepState(int format, String name, String origin, String directory, Map<String, Object> overrides,
                         String created, String finished, List<Axis> axes, List<Run> runs) {

    /** The current format. */
    public static final int FORMAT = 1;

    public SweepState {
        overrides = overrides == null ? Map.of() : new LinkedHashMap<>(overrides);
        axes = List.copyOf(axes);
        runs = List.copyOf(runs);
    }

    /**
     * A swept path.
     *
     * @param path   the config path
     * @param values the labels of its values
     */
    public record Axis(String path, List<String> values) {
    }

    /**
     * One run of the sweep.
     *
     * @param index    its place, from 0
     * @param name     its experiment name
     * @param settings the label of each swept path's value
     * @param seed     its seed
     * @param state    {@code pending}, {@code running} or {@code done}
     * @param folder   its run folder's name within the sweep folder, once known, else null
     * @param summary  once done, what it ended with; else null
     */
    public record Run(int index, String name, Map<String, String> settings, long seed, String state, String folder,
                      RunSummary summary) {

        /** Not started yet. */
        public static final String PENDING = "pending";
        /** Started and not recorded as done: interrupted, if the sweep is not running. */
        public static final String RUNNING = "running";
        /** Ended, successfully or not. */
        public static final String DONE = "done";

        /** A copy in another state, with a folder and summary. */
        public Run with(String state, String folder, RunSummary summary) {
            return new Run(index, name, settings, seed, state, folder, summary);
        }

        /** Whether it ended. */
        public boolean done() {
            return DONE.equals(state);
        }
    }

    /** The state of a sweep that has not started: every run pending. */
    static SweepState planned(SweepPlan plan, String created) {
        List<Axis> axes = plan.axes().stream().map(a -> new Axis(a.path().text(), a.labels())).toList();
        List<Run> runs = new ArrayList<>();
        for (PlannedRun r : plan.runs()) {
            runs.add(new Run(r.index(), r.name(), r.settings(), r.seed(), Run.PENDING, null, null));
        }
        return new SweepState(FORMAT, plan.name(), plan.origin(), plan.directory().toString(), plan.overrides(), created,
                null, axes, runs);
    }

    /** A copy with run {@code index} replaced. */
    SweepState with(Run run) {
        List<Run> copy = new ArrayList<>(runs);
        copy.set(run.index(), run);
        return new SweepState(format, name, origin, directory, overrides, created, finished, axes, copy);
    }

    /** A copy marked finished at {@code when}. */
    SweepState finishedAt(String when) {
        return new SweepState(format, name, origin, directory, overrides, created, when, axes, runs);
    }
}
