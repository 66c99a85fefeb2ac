package io.trainscope.plugins.init;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.testkit.InitializerChecks;
import io.trainscope.testkit.SeededWeightRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Fills a {@code [fanIn, fanOut]} tensor of 262,144 weights and compares it with the distribution
 * each initializer's Javadoc states: the mean and variance through the plugin testkit's
 * {@link InitializerChecks#momentMismatches}, the shape (kurtosis: normal or uniform) and a
 * uniform's bounds here. Every tolerance is 5 standard errors of the statistic for that sample
 * size, so a correct initializer fails with probability below 1e-6 and a wrong gain, fan or shape
 * (all at least a few percent off) cannot pass.
 */
class InitializerDistributionTest {

    private static final double Z = 5.0;
    private static final Fan WIDE = InitializerChecks.WIDE;
    private static final Fan NARROW = InitializerChecks.NARROW;

    /** The law a case expects: a normal, or a uniform on {@code [low, high]}. */
    private record Law(double mean, double variance, double low, double high) {
        static Law normal(double mean, double variance) {
            return new Law(mean, variance, Double.NaN, Double.NaN);
        }

        static Law uniform(double low, double high) {
            return new Law((low + high) / 2, (high - low) * (high - low) / 12, low, high);
        }

        static Law symmetricUniform(double bound) {
            return uniform(-bound, bound);
        }

        boolean isUniform() {
            return !Double.isNaN(low);
        }

        /** Excess-free kurtosis E[(x-μ)⁴]/σ⁴: 3 for a normal, 9/5 for a uniform. */
        double kurtosis() {
            return isUniform() ? 1.8 : 3.0;
        }
    }

    private record Case(String initializer, Map<String, Object> params, Fan fan, Law law) {
        @Override
        public String toString() {
            return initializer + " " + params + " fanIn=" + fan.in() + " fanOut=" + fan.out();
        }
    }

    static Stream<Case> cases() {
        double sqrt2 = Math.sqrt(2.0);
        return Stream.of(
                new Case("normal", Map.of(), WIDE, Law.normal(0, 1)),
                new Case("normal", Map.of("mean", 3.0, "std", 0.5), WIDE, Law.normal(3, 0.25)),
                new Case("uniform", Map.of(), WIDE, Law.uniform(-0.05, 0.05)),
                new Case("uniform", Map.of("low", -0.01, "high", 0.03), WIDE, Law.uniform(-0.01, 0.03)),
                new Case("xavier-normal", Map.of(), WIDE, Law.normal(0, 2.0 / (256 + 1024))),
                new Case("xavier-normal", Map.of("gain", 5.0 / 3), NARROW, Law.normal(0, 25.0 / 9 * 2 / (1024 + 256))),
                new Case("xavier-uniform", Map.of(), WIDE, Law.symmetricUniform(Math.sqrt(6.0 / (256 + 1024)))),
                new Case("xavier-uniform", Map.of("gain", 2.0), NARROW, Law.symmetricUniform(2 * Math.sqrt(6.0 / 1280))),
                new Case("he-normal", Map.of(), WIDE, Law.normal(0, 2.0 / 256)),
                new Case("he-normal", Map.of("fan-mode", "out"), WIDE, Law.normal(0, 2.0 / 1024)),
                new Case("he-normal", Map.of("negative-slope", 0.2), WIDE, Law.normal(0, 2.0 / (1 + 0.04) / 256)),
                new Case("he-normal", Map.of("negative-slope", 1.0, "fan-mode", "out"), NARROW, Law.normal(0, 1.0 / 256)),
                new Case("he-uniform", Map.of(), WIDE, Law.symmetricUniform(sqrt2 * Math.sqrt(3.0 / 256))),
                new Case("he-uniform", Map.of("fan-mode", "out", "negative-slope", 0.5), WIDE,
                        Law.symmetricUniform(Math.sqrt(2.0 / 1.25) * Math.sqrt(3.0 / 1024))),
                new Case("lecun-normal", Map.of(), WIDE, Law.normal(0, 1.0 / 256)),
                new Case("lecun-normal", Map.of(), NARROW, Law.normal(0, 1.0 / 1024)),
                new Case("torch-default", Map.of(), WIDE, Law.symmetricUniform(1.0 / Math.sqrt(256))),
                new Case("torch-default", Map.of(), NARROW, Law.symmetricUniform(1.0 / Math.sqrt(1024))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fillsWeightsWithTheMomentsAndShapeItsJavadocStates(Case c) {
        Initializer init = Initializers.byName(c.initializer());
        Parameters params = Parameters.resolve(init, c.params());
        Law law = c.law();

        assertThat(InitializerChecks.momentMismatches(init, params, c.fan(), law.mean(), law.variance()))
                .as("sample mean and variance").isEmpty();

        INDArray w = Nd4j.create(DataType.FLOAT, c.fan().in(), c.fan().out());
        init.fill(w, c.fan(), params, new SeededWeightRandom(42));
        double[] x = w.ravel().toDoubleVector();
        // Var(sample kurtosis) ≈ 24 / n for a normal; a uniform's lighter tails make it smaller
        assertThat(kurtosis(x)).as("sample kurtosis (3 normal, 1.8 uniform)")
                .isCloseTo(law.kurtosis(), within(Z * Math.sqrt(24.0 / x.length)));
        if (law.isUniform()) {
            assertThat(w.minNumber().doubleValue()).as("minimum").isGreaterThanOrEqualTo(law.low() - Math.ulp((float) law.low()));
            assertThat(w.maxNumber().doubleValue()).as("maximum").isLessThanOrEqualTo(law.high() + Math.ulp((float) law.high()));
        }
    }

    /** The sample kurtosis m4 / m2², central moments: the shape, which the testkit's moment check leaves out. */
    private static double kurtosis(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = (v - mean) * (v - mean);
            m2 += d;
            m4 += d * d;
        }
        return x.length * m4 / (m2 * m2);
    }
}
