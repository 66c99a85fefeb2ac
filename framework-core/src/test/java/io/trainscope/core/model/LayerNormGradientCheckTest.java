package io.trainscope.core.model;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code layernorm} normalizer's layer, before and after the activation, passes DL4J's
 * {@code GradientCheckUtil} in float64 in a network {@link NetworkBuilder} builds, gain and bias
 * included (the check of {@link ActivationGradientCheckTest}).
 */
class LayerNormGradientCheckTest {

    private static DataType floatingBefore;
    private static DataType defaultBefore;

    @BeforeAll
    static void useFloat64() {
        floatingBefore = Nd4j.defaultFloatingPointType();
        defaultBefore = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restoreDataTypes() {
        Nd4j.setDefaultDataTypes(defaultBefore, floatingBefore);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"tanh, before-activation", "tanh, after-activation", "sigmoid, before-activation",
            "prelu, after-activation"})
    void layerNormPassesTheGradientCheck(String activation, String placement) {
        assertThat(ActivationGradientCheckTest.passes(ActivationGradientCheckTest.experiment(activation,
                "[{name: layernorm, placement: %s}]".formatted(placement)))).isTrue();
    }
}
