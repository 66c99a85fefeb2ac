package io.trainscope.core.gradcheck;

/**
 * One parameter tensor's gradient check: the analytic gradient (DL4J's backpropagation through
 * trainscope's layers) against the central difference of the loss, at the checked entries.
 *
 * <p>The rule, {@code numpy.allclose}'s with a tensor-wide absolute part: an entry agrees when
 * <pre>|analytic - numeric| <= rtol·|numeric| + rtol·max|numeric| + floor</pre>
 * where {@code max|numeric|} runs over the tensor's checked entries (entries tiny against the
 * tensor's largest count in absolute terms) and {@code floor} is the rounding error of the
 * difference quotient, {@code 10·ε₆₄·max(1, |loss|)/h} ({@link #floor}): below it the numeric
 * gradient is noise.
 *
 * @param name        the tensor in trainscope's terms ({@code hidden-0 W}, {@code hidden-1 batchnorm gamma})
 * @param key         DL4J's parameter key ({@code 0_W})
 * @param checked     how many entries were checked
 * @param size        how many entries the tensor has
 * @param maxAbs      the largest {@code |analytic - numeric|} (NaN when a value is not finite)
 * @param maxRel      the largest {@code |analytic - numeric| / max(|analytic|, |numeric|)} over entries where
 *                    either is above the floor (below it both are rounding noise)
 * @param scale       the largest {@code |numeric|}
 * @param failing     how many checked entries break the rule (a non-finite value breaks it)
 * @param zero        whether both gradients are within the floor of 0 at every checked entry: the
 *                    check proves nothing for this tensor (dead or flat units, a bias a
 *                    normalization cancels)
 * @param float32Diff the float32 network's analytic gradient against the float64 one over the whole
 *                    tensor, {@code max|g32 - g64| / max|g64|}; NaN when the tensor's gradient is
 *                    within the floor of 0 or float32's is not finite
 * @param float32Finite whether the float32 network's gradient of this tensor is finite
 */
public record TensorCheck(String name, String key, int checked, long size, double maxAbs, double maxRel, double scale,
                          int failing, boolean zero, double float32Diff, boolean float32Finite) {

    /** The multiple of float64's machine epsilon in the rounding floor. */
    public static final double FLOOR_ULPS = 10;

    /** The rounding floor of a central difference with step {@code h} of a loss near {@code loss}. */
    public static double floor(double loss, double h) {
        return FLOOR_ULPS * Math.ulp(1.0) * Math.max(1, Math.abs(loss)) / h;
    }

    /** Compares the analytic and numeric values of the checked entries by the rule. */
    public static TensorCheck compare(String name, String key, long size, double[] analytic, double[] numeric,
                                      double rtol, double floor, double float32Diff, boolean float32Finite) {
        double scale = 0;
        for (double v : numeric) {
            scale = Math.max(scale, Math.abs(v));
        }
        double atol = rtol * scale + floor;
        double maxAbs = 0;
        double maxRel = 0;
        int failing = 0;
        boolean zero = true;
        for (int i = 0; i < analytic.length; i++) {
            double a = analytic[i];
            double b = numeric[i];
            double diff = Math.abs(a - b);
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                failing++;
                maxAbs = Double.NaN;
                maxRel = Double.NaN;
                continue;
            }
            maxAbs = Math.max(maxAbs, diff);
            double larger = Math.max(Math.abs(a), Math.abs(b));
            if (larger > floor) {
                zero = false;
                maxRel = Math.max(maxRel, diff / larger);
            }
            if (diff > rtol * Math.abs(b) + atol) {
                failing++;
            }
        }
        return new TensorCheck(name, key, analytic.length, size, maxAbs, maxRel, scale, failing, zero && failing == 0,
                float32Diff, float32Finite);
    }

    /** Whether every checked entry agrees and float32 backpropagation stays finite. */
    public boolean agrees() {
        return failing == 0 && float32Finite;
    }
}
