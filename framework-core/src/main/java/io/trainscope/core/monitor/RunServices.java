package io.trainscope.core.monitor;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.NetworkInfo;
import io.trainscope.api.monitor.Remedy;
import io.trainscope.api.monitor.RunInfo;
import io.trainscope.core.run.MeasurementSink;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every monitor context of one run shares: the run's identity, the network, the views into
 * its parameters, the statistics service, and where measurements, findings and stop requests go.
 *
 * @param runId    the run folder's name, stamped on every measurement
 * @param run      the run's identity
 * @param network  the network's shape (every layer; each monitor sees those it reads)
 * @param views    parameter and gradient views
 * @param stats    batched reductions
 * @param sink     where measurements go
 * @param findings where findings go
 * @param stop     where stop requests go
 * @param remedies how a prescription's remedies read for this run: plugin names for a network
 *                 trainscope built, DL4J code for one an application built
 * @param failOnMonitorError {@code training.on-monitor-error: fail}: a monitor that throws stops the
 *                 run as failed; false (the default) only disables it
 */
public record RunServices(String runId, RunInfo run, NetworkInfo network, LayerViews views, Nd4jStatistics stats,
                          MeasurementSink sink, Consumer<Finding> findings, StopSignal stop,
                          Function<Remedy, String> remedies, boolean failOnMonitorError) {

    /** Services where a throwing monitor is disabled, the run going on. */
    public RunServices(String runId, RunInfo run, NetworkInfo network, LayerViews views, Nd4jStatistics stats,
                       MeasurementSink sink, Consumer<Finding> findings, StopSignal stop,
                       Function<Remedy, String> remedies) {
        this(runId, run, network, views, stats, sink, findings, stop, remedies, false);
    }

    /** Services whose prescriptions name plugins (a network trainscope built from a config). */
    public RunServices(String runId, RunInfo run, NetworkInfo network, LayerViews views, Nd4jStatistics stats,
                       MeasurementSink sink, Consumer<Finding> findings, StopSignal stop) {
        this(runId, run, network, views, stats, sink, findings, stop, Remedy::plugin);
    }
}
