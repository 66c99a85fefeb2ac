package io.trainscope.plugins.activation;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.activation.LearnableSlope;
import io.trainscope.api.plugin.Parameters;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What each new activation's parameters do, against formulas written out in double precision (PyTorch's definitions). */
class ActivationFormulasTest {

    private static double[] grid() {
        return IntStream.rangeClosed(-300, 300).mapToDouble(k -> k * 0.02 + 0.005).toArray();
    }

    private static void assertComputes(Activation f, Map<String, Object> raw, DoubleUnaryOperator expected) {
        double[] z = grid();
        double[] a = f.apply(Nd4j.createFromArray(z), Parameters.resolve(f, raw)).toDoubleVector();
        for (int i = 0; i < z.length; i++) {
            assertThat(a[i]).as("%s %s at z = %s", f.name(), raw, z[i]).isCloseTo(expected.applyAsDouble(z[i]), within(1e-12));
        }
    }

    @Test
    void geluTanhIsPyTorchsApproximationAndStaysWithinAThousandthOfTheExactOne() {
        double c = Math.sqrt(2 / Math.PI);
        GeluActivation gelu = new GeluActivation();

        assertComputes(gelu, Map.of("approximate", "tanh"), z -> 0.5 * z * (1 + Math.tanh(c * (z + 0.044715 * z * z * z))));
        INDArray z = Nd4j.createFromArray(grid());
        INDArray exact = gelu.apply(z.dup(), Parameters.defaults(gelu));
        INDArray tanh = gelu.apply(z.dup(), Parameters.resolve(gelu, Map.of("approximate", "tanh")));
        assertThat(exact.sub(tanh).amaxNumber().doubleValue()).isBetween(1e-5, 1e-3);
    }

    @Test
    void swishBetaSharpensTheGate() {
        assertComputes(new SwishActivation(), Map.of("beta", 2.0), z -> z / (1 + Math.exp(-2 * z)));
    }

    @Test
    void softplusFollowsBetaAndBecomesTheIdentityAboveTheThreshold() {
        SoftplusActivation softplus = new SoftplusActivation();
        Map<String, Object> raw = Map.of("beta", 2.0, "threshold", 5.0);

        assertComputes(softplus, raw, z -> 2 * z > 5 ? z : Math.log1p(Math.exp(2 * z)) / 2);
        INDArray d = softplus.derivative(Nd4j.createFromArray(2.4, 2.6), Parameters.resolve(softplus, raw));
        assertThat(d.toDoubleVector()).containsExactly(new double[]{1 / (1 + Math.exp(-4.8)), 1.0}, within(1e-12));
    }

    @Test
    void eluAlphaSetsTheNegativeLimitAndTheFlatRegion() {
        EluActivation elu = new EluActivation();

        assertComputes(elu, Map.of("alpha", 2.0), z -> z > 0 ? z : 2 * Math.expm1(z));
        assertThat(elu.flatRegion(Parameters.resolve(elu, Map.of("alpha", 2.0)))).isEqualTo(FlatRegion.below(0.01 - 2.0));
        // a slope never above 0.005 on the negative side: every negative output is flat
        assertThat(elu.flatRegion(Parameters.resolve(elu, Map.of("alpha", 0.005)))).isEqualTo(FlatRegion.below(0.0));
    }

    @Test
    void leakyReluUsesItsNegativeSlopeAndLearnsNothing() {
        LeakyReluActivation leaky = new LeakyReluActivation();

        assertComputes(leaky, Map.of("negative-slope", 0.2), z -> z > 0 ? z : 0.2 * z);
        assertThat(leaky.learnableSlope(Parameters.defaults(leaky))).isEmpty();
    }

    @Test
    void preluDeclaresALearnableSlopeAndComputesTheFunctionAtItsInitialValue() {
        PreluActivation prelu = new PreluActivation();
        Map<String, Object> perUnit = Map.of("initial-slope", 0.1, "slopes", "per-unit");

        assertThat(prelu.learnableSlope(Parameters.defaults(prelu))).contains(new LearnableSlope(0.25, false));
        assertThat(prelu.learnableSlope(Parameters.resolve(prelu, perUnit))).contains(new LearnableSlope(0.1, true));
        assertComputes(prelu, perUnit, z -> z > 0 ? z : 0.1 * z);
    }

    @Test
    void swishAndMishDipToTheirKnownMinima() {
        double[] z = IntStream.rangeClosed(-3000, 0).mapToDouble(k -> k * 0.001).toArray();
        double[] swish = new SwishActivation().apply(Nd4j.createFromArray(z), Parameters.defaults(new SwishActivation()))
                .toDoubleVector();
        double[] mish = new MishActivation().apply(Nd4j.createFromArray(z), Parameters.empty()).toDoubleVector();

        // minima of z·σ(z) and z·tanh(softplus(z)): -0.2784645 at z = -1.2784645, -0.3088434 at z = -1.1924312 (golden-section search in double)
        assertThat(min(swish)).isCloseTo(-0.2784645, within(1e-6));
        assertThat(min(mish)).isCloseTo(-0.3088434, within(1e-6));
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }
}
