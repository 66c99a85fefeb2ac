package io.trainscope.core.monitor;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * Where a sampled iteration's forward-pass arrays come from, for one kind of network: the input
 * and each logical layer's activations and pre-activations, and, from the backward pass, each
 * layer's gradient with respect to its pre-activations ({@code dL/dz}). DL4J hands its activations to a
 * listener as a list (a {@code MultiLayerNetwork}) or a map by vertex name (a
 * {@code ComputationGraph}); the implementation keeps a reference to them (no copy) and derives
 * what DL4J does not keep, at most once per iteration and into buffers it reuses.
 *
 * <p>{@link BuiltForward} serves networks trainscope built (pre-activations captured by their
 * tapped activations); {@code io.trainscope.core.instrument.UserForward} serves networks an
 * application built (pre-activations recomputed from each layer's input).
 */
public interface ForwardArrays extends AutoCloseable {

    /** Some monitor wants pre-activations on the coming iteration; called before DL4J's forward pass. */
    void arm();

    /** The iteration's pre-activations have been delivered (or were not wanted); also disarms {@link #armGradients()}. */
    void disarm();

    /** Some monitor wants {@code dL/dz} on the coming iteration; called before DL4J's forward pass. */
    void armGradients();

    /**
     * DL4J's backward pass is done (called before {@link #forget()}, while the forward pass is still
     * kept): completes the iteration's {@code dL/dz}, scaled by {@code scale} to the mean loss.
     *
     * @param labels the labels the loss saw (a graph's first output's; each output layer may read its own)
     * @param scale  the factor from DL4J's summed gradients to the mean loss's
     */
    void gradientsDone(INDArray labels, double scale);

    /**
     * A logical layer's gradient of the mean loss with respect to its pre-activations, or null when it
     * cannot be had for that layer; valid after {@link #gradientsDone} until the next {@link #armGradients()}.
     */
    INDArray preActivationGradient(int layer);

    /** DL4J's forward pass of a {@code MultiLayerNetwork}: the input, then every layer's output but the last. */
    void keep(List<INDArray> activations);

    /** DL4J's forward pass of a {@code ComputationGraph}: every vertex's output but the output layers', by name. */
    void keep(Map<String, INDArray> activations);

    /** Forgets the kept arrays and everything derived from them (a new iteration begins). */
    void forget();

    /** Whether a forward pass is kept. */
    boolean kept();

    /** The network input of the kept forward pass. */
    INDArray input();

    /** A logical layer's activations. */
    INDArray activations(int layer);

    /** A logical layer's pre-activations, or null when they are not available on this iteration. */
    INDArray preActivations(int layer);

    /** Frees the reused buffers. */
    @Override
    void close();
}
