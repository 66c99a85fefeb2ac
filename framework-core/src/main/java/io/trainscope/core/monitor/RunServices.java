package io.trainscope.core.monitor;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.NetworkInfo;
import io.trainscope.api.monitor.RunInfo;
import io.trainscope.core.run.MeasurementSink;

import java.util.function.Consumer;

/**
 * What every monitor context of one run shares: the run's identity, the network, the views into
 * its parameters, the statistics service, and where measurements, findings and stop requests go.
 *
 * @param runId    the run folder's name, stamped on every measurement
 * @param run      the run's identity
 * @param network  the network's shape
 * @param views    parameter and gradient views
 * @param stats    batched reductions
 * @param sink     where measurements go
 * @param findings where findings go
 * @param stop     where stop requests go
 */
public record RunServices(String runId, RunInfo run, NetworkInfo network, LayerViews views, Nd4jStatistics stats,
                          MeasurementSink sink, Consumer<Finding> findings, StopSignal stop) {
}
