package io.trainscope.core.monitor.context;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Histogram;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.MonitorContext;
import io.trainscope.api.monitor.NetworkInfo;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.RunInfo;
import io.trainscope.api.monitor.Scope;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.Statistics;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.monitor.IterationState;
import io.trainscope.core.monitor.MonitorSlot;
import io.trainscope.core.monitor.RunServices;
import io.trainscope.core.run.Measurement;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Set;

/**
 * The part of every context that does not depend on the event: identity, parameters, recording,
 * findings, stop and view requests. One instance per monitor and event type lives for the whole
 * run and is reused on every call, so dispatch allocates nothing.
 */
abstract class BaseContext implements MonitorContext {

    final MonitorSlot slot;
    final RunServices services;
    final IterationState state;

    BaseContext(MonitorSlot slot, RunServices services, IterationState state) {
        this.slot = slot;
        this.services = services;
        this.state = state;
    }

    @Override
    public RunInfo run() {
        return services.run();
    }

    @Override
    public NetworkInfo network() {
        return services.network();
    }

    @Override
    public Parameters parameters() {
        return slot.parameters();
    }

    @Override
    public long iteration() {
        return state.iteration();
    }

    @Override
    public int epoch() {
        return state.epoch();
    }

    @Override
    public INDArray weights(int layer) {
        return services.views().weights(checkLayer(layer));
    }

    @Override
    public INDArray bias(int layer) {
        return services.views().bias(checkLayer(layer));
    }

    @Override
    public Statistics stats() {
        return services.stats();
    }

    @Override
    public void record(Metric metric, int layer, double value) {
        Metric declared = slot.declared(metric, Scope.LAYER, false);
        LayerInfo info = services.network().layers().get(checkLayer(layer));
        services.sink().accept(new Measurement(services.runId(), iteration(), epoch(), slot.name(), layer, info.name(),
                declared, value, null));
    }

    @Override
    public void record(Metric metric, double value) {
        Metric declared = slot.declared(metric, Scope.NETWORK, false);
        services.sink().accept(new Measurement(services.runId(), iteration(), epoch(), slot.name(), null, null,
                declared, value, null));
    }

    @Override
    public void record(Metric metric, int layer, Histogram histogram) {
        Metric declared = slot.declared(metric, Scope.LAYER, true);
        LayerInfo info = services.network().layers().get(checkLayer(layer));
        services.sink().accept(new Measurement(services.runId(), iteration(), epoch(), slot.name(), layer, info.name(),
                declared, Double.NaN, histogram));
    }

    @Override
    public Finding.Builder finding(Pathology pathology, Severity severity) {
        return new Finding.Builder(slot.name(), pathology, severity, iteration(), epoch(), services.findings());
    }

    @Override
    public void requestStop(String reason) {
        services.stop().request(slot.name(), reason);
    }

    @Override
    public void requestViews(View... views) {
        slot.requestViews(Set.of(views));
    }

    /** The mean loss of the current batch (forward, backward and update contexts expose it). */
    public double loss() {
        return state.loss();
    }

    /** The number of examples in the current batch (forward and backward contexts expose it). */
    public int batchSize() {
        return state.batchSize();
    }

    int checkLayer(int layer) {
        int n = services.network().size();
        if (layer < 0 || layer >= n) {
            throw new IndexOutOfBoundsException("layer " + layer + " does not exist; the network has layers 0.." + (n - 1));
        }
        return layer;
    }
}
