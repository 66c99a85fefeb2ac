package io.trainscope.testkit;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares an activation's {@code derivative} and {@code backprop} with a float64 central
 * difference of its {@code apply}; the rules are documented on
 * {@link ActivationChecks#derivativeMismatches(Activation, Parameters, double[])}.
 */
final class DerivativeCheck {

    /** Relative step: {@code h = STEP·max(1, |z|)}. */
    static final double STEP = 1e-5;
    /** Absolute part of the tolerance. */
    static final double ABSOLUTE = 1e-6;
    /** Relative part of the tolerance. */
    static final double RELATIVE = 1e-5;
    /** One-sided differences further apart than this (times {@code max(1, |slope|)}) mark a kink. */
    static final double KINK = 1e-3;
    /** The largest share of grid points that may be kinks, unless there are at most {@link #FEW_KINKS}. */
    static final double MAX_KINK_SHARE = 0.05;
    /** So many kinks are always allowed (relu has one, relu6 and hardtanh two). */
    static final int FEW_KINKS = 3;

    private static final int SHOWN = 10;

    private final Activation f;
    private final Parameters params;
    private final double[] z;

    DerivativeCheck(Activation f, Parameters params, double[] z) {
        this.f = f;
        this.params = params;
        this.z = z.clone();
    }

    List<String> mismatches() {
        double[] h = new double[z.length];
        double[] plus = new double[z.length];
        double[] minus = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            h[i] = STEP * Math.max(1, Math.abs(z[i]));
            plus[i] = z[i] + h[i];
            minus[i] = z[i] - h[i];
        }
        double[] fz = evaluate(z);
        double[] fPlus = evaluate(plus);
        double[] fMinus = evaluate(minus);
        double[] gradOut = gradOut(z.length);
        double[] analytic = vector(f.derivative(array(z), params), "derivative");
        double[] backprop = vector(f.backprop(array(z), array(gradOut), params), "backprop");

        List<String> found = new ArrayList<>();
        int kinks = 0;
        for (int i = 0; i < z.length; i++) {
            double numeric = (fPlus[i] - fMinus[i]) / (plus[i] - minus[i]);
            double forward = (fPlus[i] - fz[i]) / (plus[i] - z[i]);
            double backward = (fz[i] - fMinus[i]) / (z[i] - minus[i]);
            if (Math.abs(forward - backward) > KINK * Math.max(1, Math.abs(numeric))) {
                kinks++;
                continue;
            }
            compare("derivative", z[i], analytic[i], numeric, found);
            compare("backprop with dL/da = " + fmt(gradOut[i]), z[i], backprop[i], numeric * gradOut[i], found);
        }
        if (kinks > Math.max(FEW_KINKS, MAX_KINK_SHARE * z.length)) {
            found.add(0, String.format(Locale.ROOT, "%s: %d of %d grid points look like kinks (one-sided differences "
                    + "disagree), more than %.0f%% and more than %d: the function is not smooth enough to check, or apply is broken",
                    who(), kinks, z.length, 100 * MAX_KINK_SHARE, FEW_KINKS));
        }
        return summarize(found);
    }

    private void compare(String what, double at, double actual, double expected, List<String> found) {
        boolean finite = Double.isFinite(actual) && Double.isFinite(expected);
        if (!finite || Math.abs(actual - expected) > ABSOLUTE + RELATIVE * Math.abs(expected)) {
            found.add(String.format(Locale.ROOT, "%s: %s at z = %s is %s, but the central difference of apply gives %s",
                    who(), what, fmt(at), fmt(actual), fmt(expected)));
        }
    }

    private List<String> summarize(List<String> found) {
        if (found.size() <= SHOWN) {
            return List.copyOf(found);
        }
        List<String> shown = new ArrayList<>(found.subList(0, SHOWN));
        shown.add(who() + ": ... and " + (found.size() - SHOWN) + " more mismatches");
        return List.copyOf(shown);
    }

    private double[] evaluate(double[] at) {
        return vector(f.apply(array(at), params), "apply");
    }

    private double[] vector(INDArray result, String method) {
        if (result == null || result.length() != z.length) {
            throw new AssertionError(who() + ": " + method + " returned " + (result == null ? "null"
                    : "an array of shape " + Arrays.toString(result.shape())) + " for " + z.length + " inputs");
        }
        return result.reshape(-1).toDoubleVector();
    }

    private String who() {
        return "'" + f.name() + "' (" + f.getClass().getName() + ")";
    }

    /** A float64 row vector holding a copy of {@code values}. */
    static INDArray array(double[] values) {
        return Nd4j.createFromArray(values.clone());
    }

    /** Deterministic upstream gradients in [0.5, 1.5], so that backprop's product is checked too. */
    static double[] gradOut(int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = 1 + 0.5 * Math.sin(0.7 * i);
        }
        return g;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
