package io.trainscope.plugins.activation;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.testkit.ActivationChecks;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every discovered activation, with its defaults and with the non-default parameters that change
 * its formula, passes the testkit's checks: its derivative and fused backprop agree with a float64
 * central difference on a grid reaching ±100, and it stays finite and close to float64 in float32.
 */
class ActivationNumericsTest {

    /** Parameter sets beyond the defaults that exercise other branches of the formulas. */
    private static final Map<String, List<Map<String, Object>>> VARIANTS = Map.of(
            "leaky-relu", List.of(Map.of("negative-slope", 0.2)),
            "prelu", List.of(Map.of("initial-slope", 0.1, "slopes", "per-unit")),
            "elu", List.of(Map.of("alpha", 0.5), Map.of("alpha", 2.0)),
            "gelu", List.of(Map.of("approximate", "tanh")),
            "swish", List.of(Map.of("beta", 2.0), Map.of("beta", 0.5)),
            "softplus", List.of(Map.of("beta", 2.0, "threshold", 5.0), Map.of("beta", 0.5)));

    record Case(Activation activation, Parameters params) {
    }

    static Stream<Named<Case>> cases() {
        return ServiceLoader.load(Activation.class).stream().map(ServiceLoader.Provider::get).flatMap(f -> Stream.concat(
                Stream.of(Map.<String, Object>of()), VARIANTS.getOrDefault(f.name(), List.of()).stream())
                .map(raw -> Named.of(f.name() + (raw.isEmpty() ? "" : " " + raw), new Case(f, Parameters.resolve(f, raw)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivativeAndBackpropMatchAFloat64CentralDifferenceUpToAHundred(Case c) {
        ActivationChecks.assertDerivativeMatchesCentralDifference(c.activation(), c.params());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void staysFiniteInFloat32AndFloat64UpToAHundred(Case c) {
        ActivationChecks.assertStableOverRange(c.activation(), c.params());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theGridReachesTheExtremesTheIssueNames(Case c) {
        assertThat(ActivationChecks.grid()).contains(-100, -50, -20, -1e-3, 0, 1e-3, 20, 50, 100);
    }
}
