package io.trainscope.testkit;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;

import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Numerical checks for an {@link Activation}: its derivative against a central difference of the
 * function, and its stability in float32 and float64 over inputs up to ±100. Any activation's
 * tests run them in one line each:
 *
 * <pre>{@code
 * @Test
 * void derivativeMatchesACentralDifference() {
 *     ActivationChecks.assertDerivativeMatchesCentralDifference(new Softsign());
 * }
 *
 * @Test
 * void staysFiniteAndPreciseUpToAHundred() {
 *     ActivationChecks.assertStableOverRange(new Softsign());
 * }
 * }</pre>
 *
 * <p>The {@code assert} methods throw an {@link AssertionError} listing what is wrong, which every
 * test framework reports as a failure; the other methods return the same sentences as a list
 * (empty when all is well). They need an ND4J backend on the test class path, as any activation
 * test does. The activation gets fresh arrays each call, so it may work in place.
 */
public final class ActivationChecks {

    private ActivationChecks() {
    }

    /**
     * The grid both checks use by default: 0, ±1e-6, ±1e-3, ±0.1, ±0.5, ±20, ±50, ±100 and every
     * multiple of 0.01 in [-10, 10]: the extremes, the region near zero where most activations bend,
     * and a dense middle; sorted, without duplicates.
     */
    public static double[] grid() {
        DoubleStream special = DoubleStream.of(1e-6, 1e-3, 0.1, 0.5, 20, 50, 100).flatMap(v -> DoubleStream.of(-v, v));
        DoubleStream dense = IntStream.rangeClosed(-1000, 1000).mapToDouble(k -> k * 0.01);
        return DoubleStream.concat(special, dense).sorted().distinct().toArray();
    }

    /** {@link #derivativeMismatches(Activation, Parameters, double[])} on {@link #grid()}. */
    public static List<String> derivativeMismatches(Activation f, Parameters params) {
        return derivativeMismatches(f, params, grid());
    }

    /**
     * Where {@code derivative(z)} and {@code backprop(z, g)} disagree with a float64 central
     * difference of {@code apply}. The rules:
     * <ul>
     *   <li>step {@code h = 1e-5·max(1, |z|)}; numeric slope {@code (f(z+h) - f(z-h)) / 2h}, whose
     *       truncation ({@code h²|f'''|/6}) and rounding ({@code 1e-16·|f|/h}) errors are below 1e-9
     *       for activations of ordinary curvature;</li>
     *   <li>a point passes when {@code |analytic - numeric| <= 1e-6 + 1e-5·|numeric|}: far looser
     *       than those errors, far tighter than any real mistake (a missing factor, a wrong sign);</li>
     *   <li>{@code backprop(z, g)} is compared with {@code numeric·g}, for upstream gradients
     *       {@code g} in [0.5, 1.5];</li>
     *   <li>points of non-differentiability are skipped: a point where the one-sided slopes
     *       {@code (f(z+h) - f(z))/h} and {@code (f(z) - f(z-h))/h} differ by more than
     *       {@code 1e-3·max(1, |numeric|)} lies within {@code h} of a kink (relu at 0), where no
     *       single derivative is right. Smooth functions never trip this (their one-sided slopes
     *       differ by about {@code h·|f''|}). More skipped points than 3 and than 5% of the grid is
     *       itself a failure: an activation has few kinks.</li>
     * </ul>
     * Non-finite values fail. At most ten mismatches are listed, then a count of the rest.
     *
     * @param f      the activation; not null
     * @param params its resolved parameters, e.g. {@link Parameters#defaults}; not null
     * @param z      the points to check
     * @return one sentence per mismatch, naming the activation, the point and both values; empty if none
     */
    public static List<String> derivativeMismatches(Activation f, Parameters params, double[] z) {
        return new DerivativeCheck(f, params, z).mismatches();
    }

    /** Asserts that {@link #derivativeMismatches(Activation, Parameters)} finds nothing. */
    public static void assertDerivativeMatchesCentralDifference(Activation f, Parameters params) {
        Problems.assertNone(derivativeMismatches(f, params));
    }

    /** As {@link #assertDerivativeMatchesCentralDifference(Activation, Parameters)} with the default parameters. */
    public static void assertDerivativeMatchesCentralDifference(Activation f) {
        assertDerivativeMatchesCentralDifference(f, Parameters.defaults(f));
    }

    /** {@link #instabilities(Activation, Parameters, double[])} on {@link #grid()}. */
    public static List<String> instabilities(Activation f, Parameters params) {
        return instabilities(f, params, grid());
    }

    /**
     * Where {@code apply}, {@code derivative} or {@code backprop} is not finite (NaN, an overflow to
     * infinity) in float32 or float64, or where the float32 result differs from the float64 one by
     * more than {@code 1e-4 + 1e-4·|float64 value|} (a float32 path that underflows or cancels to
     * a wrong value). At most five findings per method.
     *
     * @param f      the activation; not null
     * @param params its resolved parameters; not null
     * @param z      the points to run
     * @return one sentence per finding; empty if none
     */
    public static List<String> instabilities(Activation f, Parameters params, double[] z) {
        return new StabilityCheck(f, params, z).instabilities();
    }

    /** Asserts that {@link #instabilities(Activation, Parameters)} finds nothing. */
    public static void assertStableOverRange(Activation f, Parameters params) {
        Problems.assertNone(instabilities(f, params));
    }

    /** As {@link #assertStableOverRange(Activation, Parameters)} with the default parameters. */
    public static void assertStableOverRange(Activation f) {
        assertStableOverRange(f, Parameters.defaults(f));
    }

}
