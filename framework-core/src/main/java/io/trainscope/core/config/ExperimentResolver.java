package io.trainscope.core.config;

import io.trainscope.api.internal.Suggestions;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.plugin.Configured;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.training.optim.OptimizerKind;
import io.trainscope.core.training.optim.ScheduleKind;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an {@link ExperimentSpec} against the plugins on the classpath and fills in every
 * default: unknown names, unknown parameters, wrong types and out-of-range values all fail here,
 * before any data is loaded or ND4J is started. Each monitor's {@link Sampling} and declared
 * metrics are settled here too, so a run knows every monitor's schedule before it starts.
 */
public final class ExperimentResolver {

    private final PluginLookup plugins;

    @Inject
    public ExperimentResolver(PluginLookup plugins) {
        this.plugins = plugins;
    }

    /** Resolves every plugin reference of {@code spec}. */
    public ResolvedExperiment resolve(ExperimentSpec spec) {
        var data = plugins.configure(PluginFamily.DATA_SOURCE, spec.data().source(), "data.source");
        var activation = plugins.configure(PluginFamily.ACTIVATION, spec.model().activation(), "model.activation");
        var init = plugins.configure(PluginFamily.INITIALIZER, spec.model().init(), "model.init");
        List<Configured<Normalizer>> normalizers = normalizers(spec);
        PluginRef opt = spec.training().optimizer();
        OptimizerKind optimizer = OptimizerKind.byName(opt.name());
        if (optimizer == null) {
            throw new ConfigException("training.optimizer", "unknown optimizer '" + opt.name() + "'"
                    + Suggestions.didYouMean(opt.name(), OptimizerKind.names()) + "; known optimizers: "
                    + String.join(", ", OptimizerKind.names()));
        }
        Parameters optimizerParams = ParameterResolver.resolve(optimizer.configName(), "optimizer '"
                + optimizer.configName() + "'", optimizer.parameters(), opt.params(), "training.optimizer");
        PluginRef sch = spec.training().schedule();
        ScheduleKind schedule = sch == null ? null : schedule(sch);
        Parameters scheduleParams = sch == null ? null : ParameterResolver.resolve(schedule.configName(),
                "schedule '" + schedule.configName() + "'", schedule.parameters(), sch.params(), "training.schedule");
        if (spec.training().earlyStopping() != null && spec.data().split().validation() <= 0) {
            throw new ConfigException("training.early-stopping", "needs a validation split; add "
                    + "'split: {validation: 0.1}' under data");
        }
        ResolvedModel model = new LayerResolver(plugins).resolve(spec.model(), activation, init, normalizers);
        return new ResolvedExperiment(spec, data, activation, init, normalizers, optimizer, optimizerParams,
                schedule, scheduleParams, monitors(spec.monitors()), model);
    }

    private List<Configured<Normalizer>> normalizers(ExperimentSpec spec) {
        List<Configured<Normalizer>> normalizers = new ArrayList<>();
        for (int i = 0; i < spec.model().normalizers().size(); i++) {
            normalizers.add(plugins.configure(PluginFamily.NORMALIZER, spec.model().normalizers().get(i),
                    "model.normalizers[" + i + "]"));
        }
        long withLayers = normalizers.stream().filter(LayerResolver::insertsLayers).count();
        if (withLayers > 1) {
            throw new ConfigException("model.normalizers", "at most one normalizer may insert layers into hidden layers, got "
                    + withLayers);
        }
        return normalizers;
    }

    private static ScheduleKind schedule(PluginRef sch) {
        ScheduleKind schedule = ScheduleKind.byName(sch.name());
        if (schedule == null) {
            throw new ConfigException("training.schedule", "unknown schedule '" + sch.name() + "'"
                    + Suggestions.didYouMean(sch.name(), ScheduleKind.names()) + "; known schedules: "
                    + String.join(", ", ScheduleKind.names()));
        }
        return schedule;
    }

    /**
     * Resolves a {@code monitors:} section on its own, with the checks and messages of a config's
     * (paths {@code monitors[i]}): each monitor at most once, with its parameters, its sampling and
     * its metrics (no metric name declared twice). An instrumented network's monitors go through here.
     */
    public List<ResolvedMonitor> monitors(List<PluginRef> refs) {
        List<ResolvedMonitor> monitors = new ArrayList<>();
        Map<String, String> declaredBy = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            PluginRef ref = refs.get(i);
            String path = "monitors[" + i + "]";
            if (monitors.stream().anyMatch(m -> m.name().equals(ref.name()))) {
                throw new ConfigException(path, "monitor '" + ref.name() + "' is listed twice");
            }
            Configured<Monitor> configured = plugins.configure(PluginFamily.MONITOR, ref, path);
            List<Metric> metrics = configured.plugin().metrics();
            for (Metric m : metrics) {
                String other = declaredBy.putIfAbsent(m.name(), ref.name());
                if (other != null) {
                    throw new ConfigException(path, other.equals(ref.name())
                            ? "monitor '" + ref.name() + "' declares metric '" + m.name() + "' twice; fix the monitor"
                            : "monitor '" + ref.name() + "' records metric '" + m.name() + "', which monitor '" + other
                            + "' records too; configure only one of them");
                }
            }
            monitors.add(new ResolvedMonitor(configured, sampling(configured, path), metrics));
        }
        return monitors;
    }

    /** The monitor's schedule from its parameters; a schedule it cannot make is a bad config entry. */
    private static Sampling sampling(Configured<Monitor> monitor, String path) {
        try {
            Sampling sampling = monitor.plugin().sampling(monitor.params());
            return sampling == null ? Sampling.none() : sampling;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(path, e.getMessage() + " (monitor '" + monitor.name() + "')");
        }
    }
}
