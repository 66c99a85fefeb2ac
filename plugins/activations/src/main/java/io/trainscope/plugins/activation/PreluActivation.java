package io.trainscope.plugins.activation;

import io.trainscope.api.activation.LearnableSlope;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;

import java.util.List;
import java.util.Optional;

/**
 * The parametric rectified linear unit ({@code prelu}): leaky relu whose negative slope the
 * network learns, starting at {@code initial-slope} (0.25 by default, as PyTorch's {@code PReLU}),
 * one slope per layer (PyTorch's default {@code num_parameters=1}) or one per unit. It declares
 * its slope as a {@link LearnableSlope}; {@link #apply} and {@link #derivative} compute the
 * function at the initial slope.
 */
public final class PreluActivation extends NegativeSlopeActivation {

    static final String PER_LAYER = "per-layer";
    static final String PER_UNIT = "per-unit";
    static final ParameterSpec INITIAL_SLOPE = ParameterSpec.real("initial-slope", 0.25,
            "the learnable slope for z <= 0 before training").between(0, 1);
    static final ParameterSpec SLOPES = ParameterSpec.choice("slopes", PER_LAYER, List.of(PER_LAYER, PER_UNIT),
            "one learnable slope shared by each layer's units, or one per unit");

    @Override
    public String name() {
        return "prelu";
    }

    @Override
    public String description() {
        return "z for z > 0, a·z otherwise with the slope a learned in training (one per layer or per unit)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(INITIAL_SLOPE, SLOPES);
    }

    @Override
    double slope(Parameters params) {
        return params.real(INITIAL_SLOPE.name());
    }

    @Override
    public Optional<LearnableSlope> learnableSlope(Parameters params) {
        return Optional.of(new LearnableSlope(slope(params), PER_UNIT.equals(params.text(SLOPES.name()))));
    }
}
