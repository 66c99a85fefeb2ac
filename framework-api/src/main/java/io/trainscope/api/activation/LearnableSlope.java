package io.trainscope.api.activation;

import io.trainscope.api.StableApi;

/**
 * A negative-side slope that the network learns during training, as in PReLU:
 * {@code f(z) = z} for {@code z > 0} and {@code f(z) = a·z} otherwise, with {@code a} a trainable
 * parameter that starts at {@link #initial()}.
 *
 * <p>An {@link Activation} declares it through {@link Activation#learnableSlope}; the core then
 * trains the slope with the layer's weights (one per layer or one per unit), saves it in
 * checkpoints, and monitors still see one logical layer. Plugins stay free of DL4J: how the core
 * realises the slope is its own business.
 *
 * @param initial the slope before training
 * @param perUnit {@code true} for one slope per unit of the layer (per channel of a convolution),
 *                {@code false} for one slope shared by all units of the layer
 */
@StableApi(since = "0.1")
public record LearnableSlope(double initial, boolean perUnit) {

    public LearnableSlope {
        if (!Double.isFinite(initial)) {
            throw new IllegalArgumentException("the initial slope must be a finite number, got " + initial);
        }
    }
}
