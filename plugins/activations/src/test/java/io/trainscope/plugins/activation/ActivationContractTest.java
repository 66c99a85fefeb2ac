package io.trainscope.plugins.activation;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.testkit.PluginConventions;
import io.trainscope.testkit.ServiceFiles;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The contract every activation {@link ServiceLoader} finds must keep, run in float32 as networks do.
 * A new activation needs only a line in {@link #REFERENCES} and {@link #DEFAULT_FLAT_REGIONS}.
 */
class ActivationContractTest {

    /** Scalar double-precision definitions with default parameters (PyTorch's), written independently of ND4J. */
    private static final Map<String, DoubleUnaryOperator> REFERENCES = Map.ofEntries(
            Map.entry("sigmoid", z -> 1 / (1 + Math.exp(-z))),
            Map.entry("tanh", Math::tanh),
            Map.entry("relu", z -> Math.max(0, z)),
            Map.entry("leaky-relu", z -> z > 0 ? z : 0.01 * z),
            Map.entry("prelu", z -> z > 0 ? z : 0.25 * z),
            Map.entry("elu", z -> z > 0 ? z : Math.expm1(z)),
            Map.entry("gelu", z -> 0.5 * z * (1 + Erf.erf(z / Math.sqrt(2)))),
            Map.entry("swish", z -> z / (1 + Math.exp(-z))),
            Map.entry("mish", z -> z * Math.tanh(Math.log1p(Math.exp(z)))),
            Map.entry("softplus", z -> z > 20 ? z : Math.log1p(Math.exp(z))),
            Map.entry("identity", z -> z));

    /**
     * The flat regions with default parameters: seed 002's |a| > 0.99 for tanh; for elu and softplus
     * the outputs where the derivative is at most 0.01 (elu: a + 1 <= 0.01; softplus: 1 - e^-a <= 0.01).
     */
    private static final Map<String, FlatRegion> DEFAULT_FLAT_REGIONS = Map.ofEntries(
            Map.entry("sigmoid", FlatRegion.outside(0.01, 0.99)),
            Map.entry("tanh", FlatRegion.outside(-0.99, 0.99)),
            Map.entry("relu", FlatRegion.below(0.0)),
            Map.entry("leaky-relu", FlatRegion.NONE),
            Map.entry("prelu", FlatRegion.NONE),
            Map.entry("elu", FlatRegion.below(-0.99)),
            Map.entry("gelu", FlatRegion.NONE),
            Map.entry("swish", FlatRegion.NONE),
            Map.entry("mish", FlatRegion.NONE),
            Map.entry("softplus", FlatRegion.below(-Math.log1p(-0.01))),
            Map.entry("identity", FlatRegion.NONE));

    /**
     * Central-difference step. In float32 the truncation error h²·max|f'''|/6 is at most 3.4e-5
     * (tanh, |f'''| <= 2) and rounding of outputs near 1 adds a few ulp(1)/(2h), about 1.2e-5, so a
     * correct derivative is within 1e-4 while a wrong one (a missing factor, a sign) is off by >= 1e-2.
     */
    private static final double H = 1e-2;
    private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-4;

    /** Float32 results of the native op against a double reference: a few ulps of values of order 1. */
    private static final double VALUE_TOLERANCE = 1e-6;

    /** The largest derivative allowed where the output counts as flat: tanh's 1 - 0.99² = 0.0199. */
    private static final double FLAT_DERIVATIVE = 0.02;

    static Stream<Named<Activation>> activations() {
        return ServiceLoader.load(Activation.class).stream().map(ServiceLoader.Provider::get).map(p -> Named.of(p.name(), p));
    }

    /** z = k·0.1 + 0.05 for k in [-60, 60): stays 0.05 away from ReLU's kink at 0, far beyond H. */
    private static INDArray grid() {
        return Nd4j.createFromArray(IntStream.range(-60, 60).mapToDouble(k -> k * 0.1 + 0.05).toArray())
                .castTo(DataType.FLOAT).reshape(4, 30);
    }

    private static INDArray wideGrid() {
        return Nd4j.linspace(DataType.FLOAT, -20, 0.01, 4001);
    }

    @Test
    void servicesFileListsEveryActivationClassOfThePackage() throws Exception {
        assertThat(ServiceFiles.registered(Activation.class))
                .isEqualTo(ServiceFiles.implementationsNextTo(SigmoidActivation.class, Activation.class));
    }

    @Test
    void namesAreUnique() {
        List<String> names = activations().map(n -> n.getPayload().name()).toList();

        assertThat(names).doesNotHaveDuplicates().containsAll(REFERENCES.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void hasALowerCaseHyphenatedNameADescriptionAndDefaultsInRange(Activation f) {
        assertThat(PluginConventions.violations(f)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void appliesItsScalarReferenceFormula(Activation f) {
        INDArray z = grid();

        INDArray a = f.apply(z.dup(), Parameters.defaults(f));

        assertThat(a.shape()).isEqualTo(z.shape());
        assertElementwise(a, z, reference(f), VALUE_TOLERANCE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void derivativeMatchesACentralDifferenceOfApply(Activation f) {
        Parameters p = Parameters.defaults(f);
        INDArray z = grid();
        INDArray zPlus = z.add(H);
        INDArray zMinus = z.sub(H);
        // divide by the step the float32 inputs really took, not by the nominal 2h
        INDArray step = zPlus.castTo(DataType.DOUBLE).subi(zMinus.castTo(DataType.DOUBLE));
        INDArray numeric = f.apply(zPlus.dup(), p).castTo(DataType.DOUBLE)
                .subi(f.apply(zMinus.dup(), p).castTo(DataType.DOUBLE)).divi(step);

        INDArray analytic = f.derivative(z.dup(), p);

        assertThat(analytic.shape()).isEqualTo(z.shape());
        assertClose(analytic, numeric, FINITE_DIFFERENCE_TOLERANCE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void backpropEqualsDerivativeTimesTheGradientAndLeavesTheGradientAlone(Activation f) {
        Parameters p = Parameters.defaults(f);
        INDArray z = grid();
        INDArray gradOut = Nd4j.getExecutioner().exec(new GaussianDistribution(z.ulike(), 0.0, 1.0),
                Nd4j.getRandomFactory().getNewRandomInstance(11));
        INDArray gradOutBefore = gradOut.dup();

        INDArray gradIn = f.backprop(z.dup(), gradOut, p);

        assertThat(gradOut).isEqualTo(gradOutBefore);
        // f' is exact to ~2 ulp(1) and |gradOut| < 6 here, so products agree to well under 5e-6
        assertClose(gradIn, f.derivative(z.dup(), p).muli(gradOut), 5e-6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void worksInPlaceOnAStridedViewWithoutTouchingTheRestOfItsParent(Activation f) {
        Parameters p = Parameters.defaults(f);
        INDArray z = grid().reshape(-1);
        INDArray gradOut = Nd4j.linspace(DataType.FLOAT, -1, 1, z.length());
        List<UnaryOperator<INDArray>> ops = List.of(
                v -> f.apply(v, p), v -> f.derivative(v, p), v -> f.backprop(v, gradOut, p));

        for (UnaryOperator<INDArray> op : ops) {
            INDArray parent = Nd4j.valueArrayOf(new long[]{z.length(), 3}, 7.0f, DataType.FLOAT);
            INDArray column = parent.get(NDArrayIndex.all(), NDArrayIndex.point(1));
            column.assign(z);

            INDArray onView = op.apply(column);

            assertThat(onView).isEqualTo(op.apply(z.dup()));
            assertThat(parent.getColumn(0).toDoubleVector()).containsOnly(7.0);
            assertThat(parent.getColumn(2).toDoubleVector()).containsOnly(7.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void declaresTheDesignsFlatRegionByDefault(Activation f) {
        assertThat(f.flatRegion(Parameters.defaults(f)))
                .as("add %s to DEFAULT_FLAT_REGIONS", f.name()).isEqualTo(DEFAULT_FLAT_REGIONS.get(f.name()));
    }

    /**
     * A monotonic function's output determines its derivative, so its flat region must be exactly where
     * the derivative is small; a non-monotonic one (swish, gelu, mish) reaches the same output with
     * different slopes and may declare no flat region.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void hasASmallDerivativeWhereTheOutputIsFlatAndANonZeroOneElsewhere(Activation f) {
        Parameters p = Parameters.defaults(f);
        FlatRegion flat = f.flatRegion(p);
        double[] a = f.apply(wideGrid(), p).toDoubleVector();
        double[] d = f.derivative(wideGrid(), p).toDoubleVector();
        if (!nonDecreasing(a)) {
            assertThat(flat).as("a non-monotonic activation's output does not determine its slope").isEqualTo(FlatRegion.NONE);
            return;
        }

        int flatPoints = 0;
        for (int i = 0; i < a.length; i++) {
            if (flat.contains(a[i])) {
                flatPoints++;
                assertThat(d[i]).as("f'(z) where f(z) = %s is flat", a[i]).isLessThanOrEqualTo(FLAT_DERIVATIVE);
            } else {
                assertThat(d[i]).as("f'(z) where f(z) = %s is not flat", a[i]).isGreaterThan(0.0);
            }
        }
        assertThat(flatPoints > 0).as("z in [-20, 20] reaches the flat region").isEqualTo(flat.exists());
    }

    @Test
    void sigmoidAndTanhFlatRegionsFollowTheirSaturationParameter() {
        SigmoidActivation sigmoid = new SigmoidActivation();
        TanhActivation tanh = new TanhActivation();

        assertThat(sigmoid.flatRegion(Parameters.resolve(sigmoid, Map.of("saturation-eps", 0.1))))
                .isEqualTo(FlatRegion.outside(0.1, 0.9));
        assertThat(tanh.flatRegion(Parameters.resolve(tanh, Map.of("saturation-threshold", 0.9))))
                .isEqualTo(FlatRegion.outside(-0.9, 0.9));
    }

    private static boolean nonDecreasing(double[] a) {
        return IntStream.range(1, a.length).allMatch(i -> a[i] >= a[i - 1]);
    }

    private static DoubleUnaryOperator reference(Activation f) {
        DoubleUnaryOperator ref = REFERENCES.get(f.name());
        assertThat(ref).as("a scalar reference for '%s' in REFERENCES", f.name()).isNotNull();
        return ref;
    }

    private static void assertElementwise(INDArray actual, INDArray z, DoubleUnaryOperator expected, double tolerance) {
        double[] x = z.reshape(-1).toDoubleVector();
        double[] y = actual.reshape(-1).toDoubleVector();
        for (int i = 0; i < x.length; i++) {
            assertThat(y[i]).as("at z = %s", x[i]).isCloseTo(expected.applyAsDouble(x[i]), within(tolerance));
        }
    }

    private static void assertClose(INDArray actual, INDArray expected, double tolerance) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double[] y = actual.reshape(-1).toDoubleVector();
        double[] e = expected.reshape(-1).toDoubleVector();
        for (int i = 0; i < y.length; i++) {
            assertThat(y[i]).as("element %s", i).isCloseTo(e[i], within(tolerance));
        }
    }
}
