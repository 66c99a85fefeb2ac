package io.trainscope.core.diagnosis;

/**
 * One dense layer's initial weights.
 *
 * @param name      the layer's name ({@code hidden-0}, {@code output})
 * @param fanIn     inputs per unit
 * @param units     units (fan-out)
 * @param weightStd the standard deviation of its initial weights
 * @param rightGain the gain the layer's activation wants ({@link ActivationShape#rightGain})
 */
public record LayerFacts(String name, long fanIn, long units, double weightStd, double rightGain) {

    /** {@code std(W) * sqrt(fan-in)}: 1 keeps the variance of a linear layer's signal. */
    public double gain() {
        return weightStd * Math.sqrt(fanIn);
    }

    /** The gain relative to the right one: 1 is right, 7 is seven times too wide, 0 is zero weights. */
    public double gainRatio() {
        return gain() / rightGain;
    }
}
