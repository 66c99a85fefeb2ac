package io.trainscope.api.activation;

import io.trainscope.api.StableApi;

/**
 * The output values of an activation at which its derivative is (nearly) zero: an output
 * {@code a <= lowerBound} or {@code a >= upperBound} is in the flat region. For sigmoid with
 * tolerance {@code eps} this is {@code (eps, 1 - eps)}; for tanh (seed 002) {@code (-0.99, 0.99)};
 * for ReLU {@code (0, +inf)}, since an output of exactly 0 has zero gradient.
 *
 * @param lowerBound outputs at or below this are flat; {@code -Infinity} if there is no lower flat region
 * @param upperBound outputs at or above this are flat; {@code +Infinity} if there is no upper flat region
 */
@StableApi(since = "0.1")
public record FlatRegion(double lowerBound, double upperBound) {

    /** No flat region at all (identity, leaky ReLU). */
    public static final FlatRegion NONE = new FlatRegion(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public FlatRegion {
        if (Double.isNaN(lowerBound) || Double.isNaN(upperBound) || lowerBound > upperBound) {
            throw new IllegalArgumentException("flat region needs lowerBound <= upperBound, got "
                    + lowerBound + " and " + upperBound);
        }
    }

    /** Flat at or below {@code lower} and at or above {@code upper}. */
    public static FlatRegion outside(double lower, double upper) {
        return new FlatRegion(lower, upper);
    }

    /** Flat only at or below {@code lower} (ReLU-like). */
    public static FlatRegion below(double lower) {
        return new FlatRegion(lower, Double.POSITIVE_INFINITY);
    }

    /** Whether the function has any flat region. */
    public boolean exists() {
        return lowerBound != Double.NEGATIVE_INFINITY || upperBound != Double.POSITIVE_INFINITY;
    }

    /** Whether the output value {@code a} lies in the flat region. */
    public boolean contains(double a) {
        return a <= lowerBound || a >= upperBound;
    }
}
