package io.trainscope.core.model;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code layernorm} normalizer's layer, before and after the activation, passes DL4J's
 * {@code GradientCheckUtil} in float64 in a network {@link NetworkBuilder} builds, gain and bias
 * included (the check of {@link ActivationGradientCheckTest}).
 */
@ExtendWith(Float64Defaults.class)
class LayerNormGradientCheckTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"tanh, before-activation", "tanh, after-activation", "sigmoid, before-activation",
            "prelu, after-activation"})
    void layerNormPassesTheGradientCheck(String activation, String placement) {
        assertThat(ActivationGradientCheckTest.passes(ActivationGradientCheckTest.experiment(activation,
                "[{name: layernorm, placement: %s}]".formatted(placement)))).isTrue();
    }
}
