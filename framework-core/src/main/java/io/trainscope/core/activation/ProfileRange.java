package io.trainscope.core.activation;

/**
 * Where and how finely an {@link ActivationProfile} samples an activation, and what counts as saturated.
 *
 * @param from            the first input sampled
 * @param to              the last input sampled; {@code > from}
 * @param points          the number of equally spaced samples, at least 3 (1001 on [-5, 5] gives a step of 0.01)
 * @param saturationSlope inputs where {@code |f'(z)|} is below this are saturated; {@code > 0}
 */
public record ProfileRange(double from, double to, int points, double saturationSlope) {

    /** The default: [-5, 5] in steps of 0.01 (seed 003's plots), saturated where {@code |f'| < 0.01}. */
    public static final ProfileRange DEFAULT = new ProfileRange(-5, 5, 1001, 0.01);

    public ProfileRange {
        if (!Double.isFinite(from) || !Double.isFinite(to) || from >= to) {
            throw new IllegalArgumentException("the profile range needs finite from < to, got [" + from + ", " + to + "]");
        }
        if (points < 3) {
            throw new IllegalArgumentException("the profile needs at least 3 points, got " + points);
        }
        if (!(saturationSlope > 0)) {
            throw new IllegalArgumentException("the saturation slope must be > 0, got " + saturationSlope);
        }
    }

    /** The sample points, from {@link #from} to {@link #to} inclusive. */
    double[] samples() {
        double[] z = new double[points];
        for (int i = 0; i < points; i++) {
            z[i] = (from * (points - 1 - i) + to * i) / (points - 1);
        }
        return z;
    }
}
