package io.trainscope.core.activation;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.TestTrainscope;
import io.trainscope.core.plugin.PluginFamily;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Profiles of the standard activations against answers worked out by hand (and in double precision elsewhere). */
class ActivationProfileTest {

    private static ActivationProfile profile(String name) {
        return profile(name, Map.of());
    }

    private static ActivationProfile profile(String name, Map<String, Object> raw) {
        Activation f = TestTrainscope.get().plugins().get(PluginFamily.ACTIVATION, name);
        return ActivationProfile.of(f, Parameters.resolve(f, raw));
    }

    private static void assertSaturatedOutside(ActivationProfile p, double edge) {
        assertThat(p.saturated()).hasSize(2);
        assertThat(p.saturated().get(0).from()).isEqualTo(-5.0);
        assertThat(p.saturated().get(0).to()).isCloseTo(-edge, within(0.01));
        assertThat(p.saturated().get(1).from()).isCloseTo(edge, within(0.01));
        assertThat(p.saturated().get(1).to()).isEqualTo(5.0);
    }

    @Test
    void sigmoidPeaksAtAQuarterAtZeroSaturatesBeyondFourAndAHalfAndIsNotZeroCentred() {
        ActivationProfile p = profile("sigmoid");

        assertThat(p.z()).hasSize(1001).startsWith(-5.0).endsWith(5.0).contains(0.0);
        assertThat(p.maxDerivative()).isCloseTo(0.25, within(1e-12));
        assertThat(p.maxDerivativeAt()).isEqualTo(0.0);
        assertThat(p.output().from()).isCloseTo(1 / (1 + Math.exp(5)), within(1e-12));
        assertThat(p.output().to()).isCloseTo(1 / (1 + Math.exp(-5)), within(1e-12));
        // σ(1 - σ) = 0.01 at |z| = ln(s / (1 - s)), s = (1 + √0.96) / 2: 4.5849
        assertSaturatedOutside(p, 4.5849);
        assertThat(p.monotonic()).isTrue();
        assertThat(p.normalMean()).isCloseTo(0.5, within(1e-9));
        assertThat(p.zeroCentred()).isFalse();
    }

    @Test
    void tanhPeaksAtOneAndIsZeroCentred() {
        ActivationProfile p = profile("tanh");

        assertThat(p.maxDerivative()).isCloseTo(1.0, within(1e-12));
        assertThat(p.maxDerivativeAt()).isEqualTo(0.0);
        assertSaturatedOutside(p, 2.9932);   // 1 - tanh² = 0.01 at atanh(√0.99)
        assertThat(p.monotonic()).isTrue();
        assertThat(p.normalMean()).isCloseTo(0.0, within(1e-12));
        assertThat(p.zeroCentred()).isTrue();
    }

    @Test
    void reluIsFlatOnTheWholeNegativeSideAndNotZeroCentred() {
        ActivationProfile p = profile("relu");

        assertThat(p.saturated()).containsExactly(new Interval(-5, 0));
        assertThat(p.output()).isEqualTo(new Interval(0, 5));
        assertThat(p.maxDerivative()).isEqualTo(1.0);
        assertThat(p.maxDerivativeAt()).isCloseTo(0.01, within(1e-12));
        assertThat(p.monotonic()).isTrue();
        // E max(z, 0) = 1/√(2π), E max(z, 0)² = 1/2
        assertThat(p.normalMean()).isCloseTo(1 / Math.sqrt(2 * Math.PI), within(1e-6));
        assertThat(p.normalRms()).isCloseTo(Math.sqrt(0.5), within(1e-6));
        assertThat(p.zeroCentred()).isFalse();
    }

    @Test
    void leakyReluNeverSaturatesAtItsDefaultSlopeButDoesBelowIt() {
        assertThat(profile("leaky-relu").saturated()).isEmpty();
        // its derivative is the slope up to 0 exclusive (ND4J gives 1 at 0)
        assertThat(profile("leaky-relu", Map.of("negative-slope", 0.005)).saturated()).containsExactly(new Interval(-5, -0.01));
        assertThat(profile("leaky-relu").zeroCentred()).isFalse();
    }

    @Test
    void swishGeluAndMishAreNotMonotonicAndPeakAboveOne() {
        ActivationProfile swish = profile("swish");
        ActivationProfile gelu = profile("gelu");

        assertThat(swish.monotonic()).isFalse();
        assertThat(gelu.monotonic()).isFalse();
        assertThat(profile("mish").monotonic()).isFalse();
        // f'' = 0 where swish' peaks (z ≈ 2.40, 1.0998) and where gelu' = Φ + zφ peaks (z = √2, 1.1289)
        assertThat(swish.maxDerivativeAt()).isCloseTo(2.40, within(1e-9));
        assertThat(swish.maxDerivative()).isCloseTo(1.09984, within(1e-5));
        assertThat(gelu.maxDerivativeAt()).isCloseTo(1.41, within(1e-9));
        assertThat(gelu.maxDerivative()).isCloseTo(1.12890, within(1e-5));
    }

    @Test
    void eluAndSoftplusSaturateOnlyOnTheLeft() {
        // elu' = e^z < 0.01 below ln 0.01 = -4.605; softplus' = σ(z) < 0.01 below ln(0.01/0.99) = -4.595
        assertThat(profile("elu").saturated()).singleElement()
                .satisfies(i -> assertThat(i.to()).isCloseTo(-4.61, within(1e-9)));
        assertThat(profile("softplus").saturated()).singleElement()
                .satisfies(i -> assertThat(i.to()).isCloseTo(-4.60, within(1e-9)));
        assertThat(profile("elu").normalMean()).isCloseTo(0.16052, within(1e-5));
        assertThat(profile("elu").zeroCentred()).isFalse();
    }

    @Test
    void identityIsZeroCentredMonotonicAndNeverSaturates() {
        ActivationProfile p = profile("identity");

        assertThat(p.saturated()).isEmpty();
        assertThat(p.monotonic()).isTrue();
        assertThat(p.zeroCentred()).isTrue();
        assertThat(p.normalRms()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void theRangeAndTheSaturationSlopeAreConfigurable() {
        Activation sigmoid = TestTrainscope.get().plugins().get(PluginFamily.ACTIVATION, "sigmoid");

        ActivationProfile p = ActivationProfile.of(sigmoid, Parameters.defaults(sigmoid), new ProfileRange(-1, 1, 201, 0.5));

        assertThat(p.z()).hasSize(201).startsWith(-1.0).endsWith(1.0);
        assertThat(p.saturated()).containsExactly(new Interval(-1, 1));
        assertThat(p.normalMean()).as("moments do not depend on the sampled range").isCloseTo(0.5, within(1e-9));
    }

    @Test
    void refusesToProfileAFunctionThatIsNotFinite() {
        Activation inverse = new Activation() {
            public String name() {
                return "inverse";
            }

            public String description() {
                return "1/z";
            }

            public INDArray apply(INDArray z, Parameters params) {
                return z.rdivi(1.0);
            }

            public INDArray derivative(INDArray z, Parameters params) {
                return z.muli(z).rdivi(-1.0);
            }
        };

        assertThatThrownBy(() -> ActivationProfile.of(inverse, Parameters.empty()))
                .hasMessage("activation 'inverse' output is Infinity at z = 0.0; it cannot be profiled");
        assertThatThrownBy(() -> new ProfileRange(1, -1, 11, 0.01))
                .hasMessage("the profile range needs finite from < to, got [1.0, -1.0]");
    }
}
