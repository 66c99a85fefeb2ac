package io.trainscope.core.config;

import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.plugin.Configured;
import io.trainscope.core.plugin.ParameterResolver;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.plugin.PluginRegistry;
import io.trainscope.core.training.optim.OptimizerKind;
import io.trainscope.core.training.optim.ScheduleKind;
import io.trainscope.api.internal.Suggestions;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an {@link ExperimentSpec} against the plugins on the classpath and fills in every
 * default: unknown names, unknown parameters, wrong types and out-of-range values all fail here,
 * before any data is loaded or ND4J is started.
 */
public final class ExperimentResolver {

    private final PluginRegistry registry;

    @Inject
    public ExperimentResolver(PluginRegistry registry) {
        this.registry = registry;
    }

    /** Resolves every plugin reference of {@code spec}. */
    public ResolvedExperiment resolve(ExperimentSpec spec) {
        var data = registry.configure(PluginFamily.DATA_SOURCE, spec.data().source(), "data.source");
        var activation = registry.configure(PluginFamily.ACTIVATION, spec.model().activation(), "model.activation");
        var init = registry.configure(PluginFamily.INITIALIZER, spec.model().init(), "model.init");
        List<Configured<Normalizer>> normalizers = new ArrayList<>();
        for (int i = 0; i < spec.model().normalizers().size(); i++) {
            normalizers.add(registry.configure(PluginFamily.NORMALIZER, spec.model().normalizers().get(i),
                    "model.normalizers[" + i + "]"));
        }
        long withLayers = normalizers.stream().filter(n -> !n.plugin().hiddenLayers(1, n.params()).isEmpty()).count();
        if (withLayers > 1) {
            throw new ConfigException("model.normalizers", "at most one normalizer may insert layers into hidden layers, got "
                    + withLayers);
        }

        PluginRef opt = spec.training().optimizer();
        OptimizerKind optimizer = OptimizerKind.byName(opt.name());
        if (optimizer == null) {
            throw new ConfigException("training.optimizer", "unknown optimizer '" + opt.name() + "'"
                    + Suggestions.didYouMean(opt.name(), OptimizerKind.names()) + "; known optimizers: "
                    + String.join(", ", OptimizerKind.names()));
        }
        Parameters optimizerParams = ParameterResolver.resolve(optimizer.configName(), "optimizer '" + optimizer.configName() + "'",
                optimizer.parameters(), opt.params(), "training.optimizer");

        ScheduleKind schedule = null;
        Parameters scheduleParams = null;
        PluginRef sch = spec.training().schedule();
        if (sch != null) {
            schedule = ScheduleKind.byName(sch.name());
            if (schedule == null) {
                throw new ConfigException("training.schedule", "unknown schedule '" + sch.name() + "'"
                        + Suggestions.didYouMean(sch.name(), ScheduleKind.names()) + "; known schedules: "
                        + String.join(", ", ScheduleKind.names()));
            }
            scheduleParams = ParameterResolver.resolve(schedule.configName(), "schedule '" + schedule.configName() + "'",
                    schedule.parameters(), sch.params(), "training.schedule");
        }

        if (spec.training().earlyStopping() != null && spec.data().split().validation() <= 0) {
            throw new ConfigException("training.early-stopping", "needs a validation split; add "
                    + "'split: {validation: 0.1}' under data");
        }

        List<Configured<Monitor>> monitors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < spec.monitors().size(); i++) {
            PluginRef ref = spec.monitors().get(i);
            if (!seen.add(ref.name())) {
                throw new ConfigException("monitors[" + i + "]", "monitor '" + ref.name() + "' is listed twice");
            }
            monitors.add(registry.configure(PluginFamily.MONITOR, ref, "monitors[" + i + "]"));
        }
        return new ResolvedExperiment(spec, data, activation, init, normalizers, optimizer, optimizerParams,
                schedule, scheduleParams, monitors);
    }
}
