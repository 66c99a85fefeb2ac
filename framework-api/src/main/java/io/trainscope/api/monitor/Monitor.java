package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.api.plugin.Plugin;

import java.util.List;

/**
 * An instrumentation hook: watches a training run from the inside and emits measurements and
 * findings. Every callback has a no-op default; implement only what you need.
 *
 * <h2>Declarations</h2>
 * Two methods describe a monitor before any run: {@link #metrics()} lists what it records, and
 * {@link #sampling(Parameters)} says, from its resolved parameters alone, which iterations, views
 * and full passes it needs. The core calls both when the config is resolved (on an instance used
 * only for that), so every monitor's schedule is known before training starts and the metric
 * catalogue is written to the run folder; neither may depend on call order or per-run state.
 *
 * <h2>Lifecycle</h2>
 * The core creates a fresh instance for every run (so fields may hold per-run state), then:
 * <ol>
 *   <li>{@link #onTrainingStart} once;</li>
 *   <li>per epoch: {@link #onEpochStart}, then per sampled iteration {@link #onForward},
 *       {@link #onBackward}, {@link #onUpdate} (each only if its {@link View} was requested),
 *       then {@link #onEpochEnd};</li>
 *   <li>a pass over the whole training set at training start and at the end of every k-th epoch
 *       if {@link Sampling#datasetPassEveryEpochs()} asks for it: {@link #onDatasetPassBatch} per
 *       batch, then {@link #onDatasetPassEnd}; one forward pass serves all monitors;</li>
 *   <li>{@link #onTrainingEnd} once, also when training failed or was stopped.</li>
 * </ol>
 *
 * <h2>Dispatch contract</h2>
 * <ul>
 *   <li>Monitors run on the training thread, one after another, in the order the config lists them.</li>
 *   <li>Arrays handed to a callback are valid only during that callback and must not be modified;
 *       copy ({@code dup()}) what you keep. Hidden layers' activations, the input, weights and raw
 *       gradients are DL4J's own arrays; pre-activations, the output layer's activations and the
 *       gradients scaled to the mean loss are copies in buffers the core reuses.</li>
 *   <li>On iterations no monitor asked for, the core does no work for monitors at all (beyond
 *       reading the loss DL4J computed, when a monitor samples {@link Sampling#whenLossNotFinite()});
 *       on sampled iterations it hands over the arrays DL4J already computed (never a second
 *       forward pass).</li>
 *   <li>A monitor that throws, from any hook (this one included), is logged once with its name,
 *       the hook and the exception, disabled for the rest of the run, and reported as a
 *       {@code monitor-failure} finding; training goes on, unless the run's
 *       {@code training.on-monitor-error} is {@code fail}, which stops it as failed.</li>
 *   <li>A monitor stops a run with {@link MonitorContext#requestStop(String)}, never by throwing:
 *       no further iteration runs; the epoch's end (validation, {@link #onEpochEnd}) still happens,
 *       no checkpoint is written for the interrupted epoch, so the last good one is kept.</li>
 *   <li>A monitor sees only the layers it {@link #reads(LayerInfo) reads}: its
 *       {@link MonitorContext#network()} lists them, numbered from 0, and every layer index it
 *       passes or receives refers to that list. The core names the layers a monitor skips once, in
 *       one log line when the run starts; a layer a monitor cannot read never reaches it.</li>
 * </ul>
 */
@StableApi(since = "0.1")
public interface Monitor extends Plugin {

    /**
     * Which iterations, views and full passes this monitor needs with these parameters: a pure
     * function of {@code params}, called when the config is resolved (most monitors return
     * {@link SamplingParameters#sampling(Parameters)}). The default asks for nothing: only the
     * training and epoch callbacks run. An {@link IllegalArgumentException} is reported as a bad
     * parameter of the monitor's config entry.
     */
    default Sampling sampling(Parameters params) {
        return Sampling.none();
    }

    /**
     * The metrics this monitor may record, in the order a report should show them. The core
     * refuses a measurement of any other metric (the monitor is disabled with a
     * {@code monitor-failure} finding). The default declares none.
     */
    default List<Metric> metrics() {
        return List.of();
    }

    /**
     * Whether this monitor can read {@code layer}; asked once per layer when a run starts, and for
     * the answer only (no per-run state). The default reads {@link LayerKind#DENSE dense} layers: a
     * monitor written for matrices of {@code [batch, units]} activations and {@code [fanIn, units]}
     * weights. A monitor that also reads convolutions, layers without weights (pooling, activation,
     * merge and element-wise vertices) or a loss layer says so here, and asks
     * {@link LayerInfo#kind()} what it is looking at.
     */
    default boolean reads(LayerInfo layer) {
        return layer.kind() == LayerKind.DENSE;
    }

    /** Before the first iteration; the network holds its initial weights. */
    default void onTrainingStart(TrainingStartContext ctx) {
    }

    /** Before the first iteration of each epoch. */
    default void onEpochStart(EpochContext ctx) {
    }

    /**
     * After the forward pass of a sampled iteration, when {@link View#ACTIVATIONS} or
     * {@link View#PRE_ACTIVATIONS} was requested. Delivered once the loss is known.
     */
    default void onForward(ForwardContext ctx) {
    }

    /**
     * After the backward pass of a sampled iteration, when {@link View#GRADIENTS} or
     * {@link View#PRE_ACTIVATION_GRADIENTS} was requested.
     */
    default void onBackward(BackwardContext ctx) {
    }

    /** After the parameter update of a sampled iteration, when {@link View#UPDATES} was requested. */
    default void onUpdate(UpdateContext ctx) {
    }

    /** After the last iteration of each epoch and its validation. */
    default void onEpochEnd(EpochContext ctx) {
    }

    /** One batch of a full pass over the training set (inference mode, no weight change). */
    default void onDatasetPassBatch(DatasetPassContext ctx) {
    }

    /** After the last batch of a full pass over the training set. */
    default void onDatasetPassEnd(DatasetPassContext ctx) {
    }

    /** Once, after training ended for whatever reason. */
    default void onTrainingEnd(TrainingEndContext ctx) {
    }
}
