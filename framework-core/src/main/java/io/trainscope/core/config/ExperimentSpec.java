package io.trainscope.core.config;

import java.util.List;
import java.util.Objects;

/**
 * A parsed experiment config: what to train, on what, how, and what to watch. Syntax and value
 * ranges are checked when it is read ({@link ConfigLoader}); plugin names and their parameters
 * are checked against the registry when a run is prepared.
 *
 * @param name     the experiment name, used for the run folder
 * @param data     where the examples come from and how they are split
 * @param model    the network
 * @param training the optimizer and loop settings
 * @param monitors the monitors to run, in dispatch order
 */
public record ExperimentSpec(String name, DataSpec data, ModelSpec model, TrainingSpec training,
                             List<PluginRef> monitors) {

    public ExperimentSpec {
        ConfigRules.name(name);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        monitors = List.copyOf(monitors);
    }

    /** A copy with other training settings (a different seed, fewer epochs). */
    public ExperimentSpec withTraining(TrainingSpec training) {
        return new ExperimentSpec(name, data, model, training, monitors);
    }

    /** A copy with another name. */
    public ExperimentSpec withName(String name) {
        return new ExperimentSpec(name, data, model, training, monitors);
    }

    /** A copy with other monitors. */
    public ExperimentSpec withMonitors(List<PluginRef> monitors) {
        return new ExperimentSpec(name, data, model, training, monitors);
    }
}
