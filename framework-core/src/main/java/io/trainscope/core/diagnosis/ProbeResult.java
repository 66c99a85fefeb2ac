package io.trainscope.core.diagnosis;

import io.trainscope.api.monitor.Finding;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.run.InMemoryMeasurements;
import io.trainscope.core.training.TrainingResult;

import java.util.List;

/**
 * What a probe saw: the experiment as configured, the network's initial weights, the inputs, and
 * everything the probe's monitors measured and found over its iterations.
 *
 * @param source       the config as the user wrote it (not the probe's copy)
 * @param experiment   the resolved experiment the probe trained (the probe's monitors, one seed)
 * @param network      the network's layers and initial weights
 * @param inputs       the training inputs' statistics
 * @param measurements every measurement of the probe
 * @param run          the probe's training result (findings, losses)
 * @param iterations   the iterations the probe asked for
 */
public record ProbeResult(ConfigSource source, ResolvedExperiment experiment, NetworkFacts network, InputFacts inputs,
                          InMemoryMeasurements measurements, TrainingResult run, int iterations) {

    /** The monitors' findings. */
    public List<Finding> findings() {
        return run.findings();
    }
}
