package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

/**
 * What computes a logical layer's output. Networks trainscope builds have dense (and convolution)
 * layers only; a network an application built itself and instruments
 * ({@code Trainscope.instrument}) has one logical layer per DL4J layer or graph vertex with
 * activations, of any of these kinds. A monitor says which kinds it reads with
 * {@link Monitor#reads(LayerInfo)}.
 */
@StableApi(since = "0.1")
public enum LayerKind {
    /** A fully connected layer: weights {@code [fanIn, units]}, activations {@code [batch, units]}. */
    DENSE(true),
    /**
     * A 2-D convolution: weights {@code [channels out, channels in, kernel rows, kernel columns]}, a bias
     * per channel, activations {@code [batch, channels, rows, columns]} (DL4J's default {@code NCHW});
     * a "unit" is a channel, and {@link LayerInfo#units()} counts channels. On the host
     * ({@link Statistics#host}) an example is a row holding channel after channel, each channel
     * {@code rows × columns} consecutive values. The standard monitors count channels where they
     * count units: a dead channel is 0 at every position for every example.
     */
    CONV2D(true),
    /** Max or average pooling (DL4J's {@code SubsamplingLayer}); no weights. */
    SUBSAMPLING(false),
    /** Batch normalization; its scale and shift are not a weight matrix, so it has no {@link MonitorContext#weights}. */
    BATCH_NORMALIZATION(false),
    /** An activation function on its own (DL4J's {@code ActivationLayer}); no weights. */
    ACTIVATION(false),
    /** Dropout on its own (DL4J's {@code DropoutLayer}); no weights. */
    DROPOUT(false),
    /** The concatenation of several inputs along the unit (channel) axis (a graph's {@code MergeVertex}). */
    MERGE(false),
    /** The element-wise sum, product, average, ... of several inputs (a graph's {@code ElementWiseVertex}). */
    ELEMENT_WISE(false),
    /** An output without weights: the loss applied to its input after its activation (DL4J's {@code LossLayer}). */
    LOSS(false);

    private final boolean weighted;

    LayerKind(boolean weighted) {
        this.weighted = weighted;
    }

    /**
     * Whether layers of this kind own a weight matrix and a bias: only they have
     * {@link MonitorContext#weights}, {@link MonitorContext#bias}, gradients and updates.
     */
    public boolean weighted() {
        return weighted;
    }
}
