package io.trainscope.testkit;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Checks for an {@link Initializer}: the contract (every element overwritten, all randomness from
 * the given {@link io.trainscope.api.init.WeightRandom}) and the sample mean and variance against
 * the formula its Javadoc states. Any initializer's tests run them in one line:
 *
 * <pre>{@code
 * @Test
 * void drawsWithMeanZeroAndVarianceOneOverFanIn() {
 *     InitializerChecks.assertVarianceFollows(new LecunUniformInitializer(), fan -> 1.0 / fan.in());
 * }
 * }</pre>
 *
 * <p>The {@code assert} methods throw an {@link AssertionError} listing what is wrong; the other
 * methods return the same sentences (empty when all is well). The testkit brings ND4J's CPU
 * backend, so no other dependency is needed to run them.
 */
public final class InitializerChecks {

    /** A layer wider than deep: 262,144 weights, fan-in 256, fan-out 1024. */
    public static final Fan WIDE = new Fan(256, 1024);
    /** The transposed layer, so that a formula with the wrong fan fails at one of the two. */
    public static final Fan NARROW = new Fan(1024, 256);

    private static final Fan SMALL = new Fan(30, 20);
    private static final long SEED = 42;

    private InitializerChecks() {
    }

    /**
     * Where the sample moments of {@code init}'s weights differ from the expected ones. One
     * {@code [fan.in(), fan.out()]} float32 tensor is filled from a {@link SeededWeightRandom};
     * a moment passes within 5 of its standard errors for that sample size (the variance's from the
     * sample's own fourth moment, so that heavy-tailed and sparse laws are judged fairly), plus
     * float32 rounding: a correct initializer fails with probability below 1e-6, while a wrong gain
     * or fan (a few percent off, or more) fails at the fans of {@link #WIDE} and {@link #NARROW}.
     *
     * @param init     the initializer; not null
     * @param params   its resolved parameters, e.g. {@link Parameters#defaults}
     * @param fan      the layer's fans; the sample has {@code fan.in() · fan.out()} weights
     * @param mean     the expected mean
     * @param variance the expected variance, >= 0
     * @return one sentence per moment that is off, naming the initializer, the fans and both values; empty if none
     */
    public static List<String> momentMismatches(Initializer init, Parameters params, Fan fan, double mean, double variance) {
        return new MomentCheck(init, params, fan).mismatches(mean, variance, SEED);
    }

    /** Asserts that {@link #momentMismatches} finds nothing. */
    public static void assertMoments(Initializer init, Parameters params, Fan fan, double mean, double variance) {
        Problems.assertNone(momentMismatches(init, params, fan, mean, variance));
    }

    /**
     * Asserts the contract ({@link #contractViolations}) and mean 0 with the variance
     * {@code expectedVariance} gives, at {@link #WIDE} and at {@link #NARROW}, with these parameters.
     *
     * @param expectedVariance the variance the initializer's Javadoc states, as a function of the fans
     */
    public static void assertVarianceFollows(Initializer init, Parameters params, ToDoubleFunction<Fan> expectedVariance) {
        List<String> problems = new ArrayList<>(contractViolations(init, params));
        for (Fan fan : List.of(WIDE, NARROW)) {
            problems.addAll(momentMismatches(init, params, fan, 0.0, expectedVariance.applyAsDouble(fan)));
        }
        Problems.assertNone(problems);
    }

    /** As {@link #assertVarianceFollows(Initializer, Parameters, ToDoubleFunction)} with the default parameters. */
    public static void assertVarianceFollows(Initializer init, ToDoubleFunction<Fan> expectedVariance) {
        assertVarianceFollows(init, Parameters.defaults(init), expectedVariance);
    }

    /**
     * What {@code init} does against {@link Initializer}'s contract, on a small float32 and float64
     * layer: {@code fill} and {@code fillBias} must overwrite every element (a tensor filled with
     * NaN beforehand must come back finite), and two {@link SeededWeightRandom}s with one seed must
     * give the same weights and bias, even when ND4J's global generator moved in between (all
     * randomness comes from the given source).
     *
     * @return one sentence per broken rule; empty if none
     */
    public static List<String> contractViolations(Initializer init, Parameters params) {
        List<String> found = new ArrayList<>();
        String who = "'" + init.name() + "' (" + init.getClass().getName() + ")";
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            double[][] first = draw(init, params, type);
            Nd4j.getRandom().nextDouble();
            double[][] second = draw(init, params, type);
            if (!Arrays.stream(first[0]).allMatch(Double::isFinite)) {
                found.add(who + ": fill leaves NaN in " + type + " weights it should overwrite (or writes non-finite values)");
            }
            if (!Arrays.stream(first[1]).allMatch(Double::isFinite)) {
                found.add(who + ": fillBias leaves NaN in a " + type + " bias it should overwrite (or writes non-finite values)");
            }
            if (!Arrays.equals(first[0], second[0]) || !Arrays.equals(first[1], second[1])) {
                found.add(who + ": two random sources with one seed gave different " + type + " values; draw only from "
                        + "the WeightRandom passed to fill and fillBias");
            }
        }
        return List.copyOf(found);
    }

    /** Asserts that {@link #contractViolations} finds nothing. */
    public static void assertContract(Initializer init, Parameters params) {
        Problems.assertNone(contractViolations(init, params));
    }

    /** The weights and bias of one small layer filled from a fresh source with the fixed seed, NaN beforehand. */
    private static double[][] draw(Initializer init, Parameters params, DataType type) {
        INDArray w = Nd4j.valueArrayOf(new long[]{SMALL.in(), SMALL.out()}, Double.NaN, type);
        INDArray b = Nd4j.valueArrayOf(new long[]{1, SMALL.out()}, Double.NaN, type);
        SeededWeightRandom random = new SeededWeightRandom(SEED);
        init.fill(w, SMALL, params, random);
        init.fillBias(b, SMALL, params, random);
        return new double[][]{w.reshape(-1).toDoubleVector(), b.reshape(-1).toDoubleVector()};
    }

}
