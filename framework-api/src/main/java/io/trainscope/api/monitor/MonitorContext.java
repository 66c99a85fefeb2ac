package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every monitor callback can see and do. Subtypes add the views of their event.
 *
 * <p>Layers are numbered as {@link NetworkInfo#layers()} lists them: hidden layers from 0, the
 * output layer last, and only those this monitor {@link Monitor#reads(LayerInfo) reads}. In a
 * network trainscope builds, a layer is the dense layer together with its normalization and
 * activation.
 */
@StableApi(since = "0.1")
public interface MonitorContext {

    /** The run this callback belongs to. */
    RunInfo run();

    /** The shape of the network being trained. */
    NetworkInfo network();

    /** This monitor's resolved parameters. */
    Parameters parameters();

    /** The iteration of this event, counted from 0 over the whole run. */
    long iteration();

    /** The epoch of this event, counted from 0. */
    int epoch();

    /**
     * The live weight matrix {@code [fanIn, units]} of a layer ({@code [out, in, rows, columns]} for a
     * convolution); read-only, valid during the callback.
     *
     * @throws IllegalStateException for a layer without weights ({@link LayerInfo#weighted()} is false)
     */
    INDArray weights(int layer);

    /**
     * The live bias vector {@code [1, units]} of a layer, or null when it has none; read-only, valid
     * during the callback.
     *
     * @throws IllegalStateException for a layer without weights ({@link LayerInfo#weighted()} is false)
     */
    INDArray bias(int layer);

    /** Batched reductions that keep the cost of statistics low. */
    Statistics stats();

    /**
     * Records a per-layer value for this iteration and epoch.
     *
     * @throws IllegalArgumentException when {@link Monitor#metrics()} does not declare {@code metric}
     *                                  as a per-layer value (the monitor is then disabled)
     */
    void record(Metric metric, int layer, double value);

    /**
     * Records a network-wide value for this iteration and epoch.
     *
     * @throws IllegalArgumentException when {@link Monitor#metrics()} does not declare {@code metric}
     *                                  as a network-wide value
     */
    void record(Metric metric, double value);

    /**
     * Records a per-layer distribution for this iteration and epoch.
     *
     * @throws IllegalArgumentException when {@link Monitor#metrics()} does not declare {@code metric}
     *                                  as a {@link Chart#HISTOGRAM} or {@link Chart#VIOLIN}
     */
    void record(Metric metric, int layer, Histogram histogram);

    /** Starts a finding stamped with this monitor, iteration and epoch; call {@link Finding.Builder#report()} to emit it. */
    Finding.Builder finding(Pathology pathology, Severity severity);

    /**
     * Asks the trainer to stop after the current iteration (a non-finite loss, say). The epoch's
     * end still runs, then the run ends with outcome
     * {@link TrainingEndContext.Outcome#STOPPED_BY_MONITOR}; no checkpoint is written for the
     * interrupted epoch, so the last good one is kept.
     */
    void requestStop(String reason);

    /** Asks for the given views on the next iteration, whatever the sampling says (on-demand views). */
    void requestViews(View... views);
}
