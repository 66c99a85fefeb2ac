package io.trainscope.plugins.activation;

import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;

/**
 * The parameter of activations that saturate on one side only (elu, softplus): the derivative at
 * or below which an output counts as flat for the saturation monitor.
 */
final class SaturationSlope {

    static final ParameterSpec SPEC = ParameterSpec.real("saturation-slope", 0.01,
            "outputs where the derivative is at most this count as saturated").greaterThan(0).lessThan(1);

    private SaturationSlope() {
    }

    /** The configured slope. */
    static double of(Parameters params) {
        return params.real(SPEC.name());
    }
}
