package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

/** The per-iteration views a monitor can ask for; each one enables the callback that carries it. */
@StableApi(since = "0.1")
public enum View {
    /** Each layer's activations (DL4J's own arrays), in {@link Monitor#onForward}. */
    ACTIVATIONS,
    /** Each layer's pre-activations z (the input of its activation function), in {@link Monitor#onForward}; costs one copy per layer. */
    PRE_ACTIVATIONS,
    /** Each layer's weight and bias gradients, in {@link Monitor#onBackward}. */
    GRADIENTS,
    /**
     * Each layer's gradient with respect to its pre-activations, {@code dL/dz}, in
     * {@link Monitor#onBackward} ({@link BackwardContext#preActivationGradient}); captured where the
     * activation's backward pass runs, so it costs one copy per layer on the iterations that ask for it.
     */
    PRE_ACTIVATION_GRADIENTS,
    /** Each layer's applied update (the step the optimizer took), in {@link Monitor#onUpdate}. */
    UPDATES
}
