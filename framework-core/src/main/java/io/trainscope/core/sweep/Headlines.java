package io.trainscope.core.sweep;

import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.Metric;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.config.ResolvedMonitor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics a sweep's table shows besides the trainer's: those the run's monitors declared for
 * comparisons ({@link Drawing#headline()}, set with {@link Drawing#inComparisons()}), as a
 * comparison report shows them. The sweep never names a monitor's metric itself.
 */
final class Headlines {

    private Headlines() {
    }

    /** The declared comparison metrics of a run's monitors, by name, with their labels, in config and declaration order. */
    static Map<String, String> of(ResolvedExperiment experiment) {
        Map<String, String> headlines = new LinkedHashMap<>();
        for (ResolvedMonitor monitor : experiment.monitors()) {
            for (Metric m : monitor.metrics()) {
                if (m.drawing().headline() && !m.histogram()) {
                    headlines.putIfAbsent(m.name(), m.name());
                }
            }
        }
        return headlines;
    }
}
