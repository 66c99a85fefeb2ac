package io.trainscope.core.sweep;

import io.trainscope.core.config.ResolvedExperiment;

import java.util.LinkedHashMap;
import java.util.Map;

/** The metrics a run's monitors declared for comparisons, which a sweep's table shows. */
final class Headlines {

    private Headlines() {
    }

    /** The declared comparison metrics of a run's monitors, by name, with their labels, in declaration order. */
    static Map<String, String> of(ResolvedExperiment experiment) {
        return new LinkedHashMap<>();
    }
}
