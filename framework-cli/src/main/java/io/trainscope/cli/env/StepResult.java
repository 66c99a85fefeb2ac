package io.trainscope.cli.env;

import java.util.Locale;

/**
 * What a training-step probe measured: the speed, and a fingerprint of the trained network
 * (the loss and the sum of absolute parameters after the probe's steps) to compare with the
 * one-thread reference. A probe that crashed, timed out or printed nothing has a {@code failure}.
 *
 * @param samplesPerSecond median training speed (NaN when it did not run)
 * @param loss             the score after the probe's fixed steps
 * @param parameterSum     the sum of absolute parameters after them
 * @param failure          why the probe gave no result, or null
 */
public record StepResult(double samplesPerSecond, double loss, double parameterSum, String failure) {

    /** Relative difference from the reference allowed for a different summation order. */
    static final double TOLERANCE = 1e-3;

    /** A probe that gave no result. */
    public static StepResult failed(String failure) {
        return new StepResult(Double.NaN, Double.NaN, Double.NaN, failure);
    }

    /** Whether the probe ran and measured a finite, positive speed. */
    public boolean ran() {
        return failure == null && samplesPerSecond > 0 && Double.isFinite(samplesPerSecond);
    }

    /** Whether this network ended where the reference's did, within {@link #TOLERANCE}. */
    public boolean matches(StepResult reference) {
        return close(loss, reference.loss) && close(parameterSum, reference.parameterSum);
    }

    /** Why the probe does not count: its own problem, or a result that differs from the reference. */
    public String problem() {
        return failure != null ? failure : String.format(Locale.ROOT, "result differs from one thread (loss %.6g)", loss);
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= TOLERANCE * Math.max(1e-12, Math.abs(b));
    }
}
