package io.trainscope.plugins.activation;

import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;

import java.util.List;

/**
 * The leaky rectified linear unit {@code max(0, z) + a·min(0, z)} with a fixed negative slope
 * {@code a} ({@code leaky-relu}; default 0.01, as PyTorch's {@code LeakyReLU}). Negative inputs
 * still pass a little gradient, so units cannot die as relu's do.
 */
public final class LeakyReluActivation extends NegativeSlopeActivation {

    static final ParameterSpec NEGATIVE_SLOPE = ParameterSpec.real("negative-slope", 0.01,
            "the slope for z <= 0").between(0, 1);

    @Override
    public String name() {
        return "leaky-relu";
    }

    @Override
    public String description() {
        return "z for z > 0, negative-slope·z otherwise; relu whose units cannot die";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(NEGATIVE_SLOPE);
    }

    @Override
    double slope(Parameters params) {
        return params.real(NEGATIVE_SLOPE.name());
    }
}
