package io.trainscope.testkit;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The activation checks pass correct activations and catch broken ones, saying where. */
class ActivationChecksTest {

    /** An activation made of lambdas; {@code backprop} defaults to the SPI's derivative·gradOut. */
    private record Fixture(String name, UnaryOperator<INDArray> f, UnaryOperator<INDArray> df,
                           BinaryOperator<INDArray> bp) implements Activation {
        Fixture(String name, UnaryOperator<INDArray> f, UnaryOperator<INDArray> df) {
            this(name, f, df, null);
        }

        @Override
        public String description() {
            return "test fixture";
        }

        @Override
        public INDArray apply(INDArray z, Parameters params) {
            return f.apply(z);
        }

        @Override
        public INDArray derivative(INDArray z, Parameters params) {
            return df.apply(z);
        }

        @Override
        public INDArray backprop(INDArray z, INDArray gradOut, Parameters params) {
            return bp == null ? Activation.super.backprop(z, gradOut, params) : bp.apply(z, gradOut);
        }
    }

    private static final String WHO = "'%s' (io.trainscope.testkit.ActivationChecksTest$Fixture)";

    private static final Fixture TANH = new Fixture("tanh", z -> Transforms.tanh(z, false), z -> {
        INDArray t = Transforms.tanh(z, false);
        return t.muli(t).rsubi(1.0);
    });

    private static final Fixture RELU = new Fixture("relu", z -> Transforms.relu(z, false), z -> Transforms.step(z, false));

    /** tanh whose derivative forgets to square: 1 - tanh instead of 1 - tanh². */
    private static final Fixture BROKEN_TANH = new Fixture("broken-tanh", z -> Transforms.tanh(z, false),
            z -> Transforms.tanh(z, false).rsubi(1.0));

    /** tanh whose fused backprop ignores the upstream gradient. */
    private static final Fixture BACKPROP_IGNORES_GRADIENT = new Fixture("lazy-tanh", TANH.f(), TANH.df(),
            (z, gradOut) -> TANH.df().apply(z));

    /** softplus as log(1 + e^z): e^z overflows in float32 above z = 88. */
    private static final Fixture NAIVE_SOFTPLUS = new Fixture("naive-softplus",
            z -> Transforms.log(Transforms.exp(z, false).addi(1.0), false), z -> Transforms.sigmoid(z, false));

    /** A staircase: flat almost everywhere, with a jump every 0.05. */
    private static final Fixture STAIRCASE = new Fixture("staircase",
            z -> Transforms.floor(z.muli(20), false).divi(20), z -> z.muli(0));

    @Test
    void passesACorrectSmoothActivation() {
        assertThat(ActivationChecks.derivativeMismatches(TANH, Parameters.empty())).isEmpty();
        assertThatCode(() -> ActivationChecks.assertDerivativeMatchesCentralDifference(TANH, Parameters.empty()))
                .doesNotThrowAnyException();
        assertThatCode(() -> ActivationChecks.assertStableOverRange(TANH, Parameters.empty())).doesNotThrowAnyException();
    }

    @Test
    void skipsReluAtItsKinkAndChecksItEverywhereElse() {
        assertThat(ActivationChecks.grid()).contains(0.0);
        assertThat(ActivationChecks.derivativeMismatches(RELU, Parameters.empty())).isEmpty();

        Fixture reluWithWrongSlope = new Fixture("relu", RELU.f(), z -> Transforms.step(z, false).muli(0.5));
        assertThat(ActivationChecks.derivativeMismatches(reluWithWrongSlope, Parameters.empty(), new double[]{-1, 0, 2}))
                .containsExactly(WHO.formatted("relu") + ": derivative at z = 2.00000 is 0.500000, but the central "
                                + "difference of apply gives 1.00000",
                        WHO.formatted("relu") + ": backprop with dL/da = 1.49272 at z = 2.00000 is 0.746362, but the "
                                + "central difference of apply gives 1.49272");
    }

    @Test
    void catchesAWrongDerivativeAndSaysWhere() {
        assertThat(ActivationChecks.derivativeMismatches(BROKEN_TANH, Parameters.empty(), new double[]{0, 1}))
                .containsExactly(WHO.formatted("broken-tanh") + ": derivative at z = 1.00000 is 0.238406, but the "
                                + "central difference of apply gives 0.419974",
                        WHO.formatted("broken-tanh") + ": backprop with dL/da = 1.32211 at z = 1.00000 is 0.315198, but "
                                + "the central difference of apply gives 0.555252");
        assertThatThrownBy(() -> ActivationChecks.assertDerivativeMatchesCentralDifference(BROKEN_TANH, Parameters.empty()))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(WHO.formatted("broken-tanh") + ": derivative at z = -100.000 is 2.00000")
                .hasMessageContaining("more mismatches");
    }

    @Test
    void catchesABackpropThatIgnoresTheUpstreamGradient() {
        assertThat(ActivationChecks.derivativeMismatches(BACKPROP_IGNORES_GRADIENT, Parameters.empty(), new double[]{0.5, 1}))
                .singleElement().asString()
                .startsWith(WHO.formatted("lazy-tanh") + ": backprop with dL/da = 1.32211 at z = 1.00000 is 0.419974");
    }

    @Test
    void refusesAFunctionWithKinksAlmostEverywhere() {
        assertThat(ActivationChecks.derivativeMismatches(STAIRCASE, Parameters.empty()).get(0))
                .matches("'staircase' .*: \\d+ of 2011 grid points look like kinks .*more than 5% and more than 3: .*");
    }

    @Test
    void catchesAnOverflowInFloat32ThatFloat64Hides() {
        assertThat(ActivationChecks.derivativeMismatches(NAIVE_SOFTPLUS, Parameters.empty())).isEmpty();

        assertThat(ActivationChecks.instabilities(NAIVE_SOFTPLUS, Parameters.empty(), new double[]{-100, 0, 50, 100}))
                .containsExactly(WHO.formatted("naive-softplus") + ": apply at z = 100.000 is Infinity in float32 "
                        + "(float64 gives 100.000)");
    }

    @Test
    void catchesNaNInBothPrecisions() {
        Fixture nan = new Fixture("nan-at-zero", z -> z.divi(z), z -> z.muli(0));

        assertThat(ActivationChecks.instabilities(nan, Parameters.empty(), new double[]{1, 0}))
                .contains(WHO.formatted("nan-at-zero") + ": apply at z = 0.00000 is NaN in float64");
    }

    @Test
    void catchesAFloat32ResultFarFromTheFloat64One() {
        // 1 - cos(z) computed directly cancels to 0 in float32 for small z, where float64 still has z²/2
        Fixture cancelling = new Fixture("cancelling", z -> Transforms.cos(z, false).rsubi(1.0).muli(1e8),
                z -> Transforms.sin(z, false).muli(1e8));

        assertThat(ActivationChecks.instabilities(cancelling, Parameters.empty(), new double[]{1e-3}))
                .anySatisfy(s -> assertThat(s).startsWith(WHO.formatted("cancelling") + ": apply at z = 0.00100000 is "));
    }
}
