package io.trainscope.testkit;

import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills one {@code [fanIn, fanOut]} float32 tensor and compares its sample mean and variance with
 * expected values; the rules are documented on
 * {@link InitializerChecks#momentMismatches(Initializer, Parameters, Fan, double, double)}.
 */
final class MomentCheck {

    /** Standard errors a sample moment may lie from its expected value. */
    static final double Z = 5.0;
    /** Relative allowance for float32 rounding, which no sample size removes. */
    static final double FLOAT_ROUNDING = 1e-6;

    private final Initializer init;
    private final Parameters params;
    private final Fan fan;

    MomentCheck(Initializer init, Parameters params, Fan fan) {
        this.init = init;
        this.params = params;
        this.fan = fan;
    }

    List<String> mismatches(double mean, double variance, long seed) {
        INDArray w = Nd4j.create(DataType.FLOAT, fan.in(), fan.out());
        init.fill(w, fan, params, new SeededWeightRandom(seed));
        double[] x = w.reshape(-1).toDoubleVector();
        int n = x.length;
        double sampleMean = 0;
        for (double v : x) {
            sampleMean += v;
        }
        sampleMean /= n;
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = (v - sampleMean) * (v - sampleMean);
            m2 += d;
            m4 += d * d;
        }
        m2 /= n;
        m4 /= n;
        List<String> found = new ArrayList<>();
        if (!Double.isFinite(sampleMean) || !Double.isFinite(m2)) {
            found.add(where() + ": the weights are not all finite (sample mean " + sampleMean + ")");
            return found;
        }
        // the mean's standard error is sqrt(variance / n); the sample variance's sqrt((m4 - m2²) / n) for any law
        double meanTolerance = Z * Math.sqrt(Math.max(variance, m2) / n) + FLOAT_ROUNDING * Math.abs(mean);
        double varianceTolerance = Z * Math.sqrt(Math.max(0, m4 - m2 * m2) / n) + 2 * FLOAT_ROUNDING * variance;
        compare("mean", sampleMean, mean, meanTolerance, n, found);
        compare("variance", m2, variance, varianceTolerance, n, found);
        return found;
    }

    private void compare(String what, double actual, double expected, double tolerance, int n, List<String> found) {
        if (Math.abs(actual - expected) > tolerance) {
            found.add(String.format(Locale.ROOT, "%s: sample %s %.6g over %d weights, expected %.6g ± %.3g (%.0f standard errors)",
                    where(), what, actual, n, expected, tolerance, Z));
        }
    }

    private String where() {
        return String.format(Locale.ROOT, "'%s' (%s) with %s at fan-in %d, fan-out %d", init.name(),
                init.getClass().getName(), params.asMap(), fan.in(), fan.out());
    }
}
