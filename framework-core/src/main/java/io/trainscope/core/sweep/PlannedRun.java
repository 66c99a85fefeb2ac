package io.trainscope.core.sweep;

import io.trainscope.core.config.ResolvedExperiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a sweep: a combination of the swept values with one seed, resolved and checked.
 *
 * @param index      its place in the sweep, from 0 (grid order: the first swept path varies slowest, seeds fastest)
 * @param name       the run's name (its experiment name; the run folder adds a timestamp)
 * @param settings   the label of the value each swept path has in this run, in sweep order
 * @param seed       the run's seed
 * @param experiment what the run trains
 */
public record PlannedRun(int index, String name, Map<String, String> settings, long seed, ResolvedExperiment experiment) {

    public PlannedRun {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The settings written {@code path = label, ...}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        settings.forEach((path, label) -> sb.append(sb.length() == 0 ? "" : ", ").append(path).append(" = ").append(label));
        return sb.toString();
    }
}
