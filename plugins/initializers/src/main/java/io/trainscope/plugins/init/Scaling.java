package io.trainscope.plugins.init;

import io.trainscope.api.init.Fan;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;

import java.util.List;

/**
 * The gains, fans and shared parameter declarations of the Glorot (Xavier) and He (Kaiming)
 * initializers, so each formula and each parameter is written once.
 */
final class Scaling {

    /** Glorot's multiplier, {@code gain > 0}; 1 keeps Glorot and Bengio's original scale. */
    static final ParameterSpec GAIN = ParameterSpec.real("gain", 1.0,
            "multiplier of the standard deviation (1 for sigmoid/linear, 5/3 for tanh)").greaterThan(0);

    /** Which fan He scaling preserves: "in" keeps forward variances, "out" backward ones. */
    static final ParameterSpec FAN_MODE = ParameterSpec.choice("fan-mode", "in", List.of("in", "out"),
            "fan to scale by: in preserves activation variance, out preserves gradient variance");

    /** The negative slope of the leaky ReLU the layer feeds, as in PyTorch's {@code a} argument. */
    static final ParameterSpec NEGATIVE_SLOPE = ParameterSpec.real("negative-slope", 0.0,
            "negative slope of the leaky ReLU that follows (0 for ReLU)").atLeast(0);

    /** The parameters of both He initializers. */
    static final List<ParameterSpec> HE_PARAMETERS = List.of(FAN_MODE, NEGATIVE_SLOPE);

    private Scaling() {
    }

    /**
     * PyTorch's {@code calculate_gain("leaky_relu", slope)}: {@code sqrt(2 / (1 + slope²))}.
     * It is {@code sqrt(2)} for ReLU and 1 for the identity ({@code slope = 1}).
     */
    static double leakyReluGain(double negativeSlope) {
        return Math.sqrt(2.0 / (1.0 + negativeSlope * negativeSlope));
    }

    /** {@code gain / sqrt(fan)} with the gain and fan the He parameters select. */
    static double heStd(Fan fan, Parameters params) {
        return leakyReluGain(params.real(NEGATIVE_SLOPE.name())) / Math.sqrt(fan.byMode(params.text(FAN_MODE.name())));
    }

    /** {@code gain · sqrt(3 / fan)}, the bound of PyTorch's {@code kaiming_uniform_}. */
    static double heUniformBound(double fan, double negativeSlope) {
        return leakyReluGain(negativeSlope) * Math.sqrt(3.0 / fan);
    }

    /** {@code fanIn + fanOut}, the sum Glorot's condition averages over. */
    static double glorotFanSum(Fan fan) {
        return (double) fan.in() + fan.out();
    }
}
