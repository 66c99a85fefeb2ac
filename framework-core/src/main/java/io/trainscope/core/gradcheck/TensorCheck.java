package io.trainscope.core.gradcheck;

/**
 * One parameter tensor's gradient check: the analytic gradient (DL4J's backpropagation through
 * trainscope's layers) against difference quotients of the loss, at the checked entries.
 *
 * <p>The rule, {@code numpy.allclose}'s with a tensor-wide absolute part: an entry agrees when
 * <pre>|analytic - numeric| <= rtol·|numeric| + rtol·max|numeric| + floor</pre>
 * where {@code numeric} is the central difference, {@code max|numeric|} runs over the tensor's
 * checked entries (entries tiny against the tensor's largest count in absolute terms) and
 * {@code floor} is the rounding error of the difference quotient,
 * {@code 10·ε₆₄·max(1, |loss|)/h} ({@link #floor}): below it the numeric gradient is noise.
 *
 * <p>Or, at a kink: when the step carries a unit across a point where its activation bends (relu
 * at 0, exactly there when a layer's inputs are all 0 and its bias is 0), the central difference
 * averages two slopes and no single derivative matches it. An entry whose analytic value lies
 * between the one-sided quotients {@code (L(w+h) - L(w))/h} and {@code (L(w) - L(w-h))/h}
 * (widened by the same tolerance) is a valid one-sided derivative there: it agrees and is counted
 * as a kink. A smooth loss has one-sided quotients within {@code h·|L''|} of each other, so this
 * widens nothing that matters; a wrong derivative lies outside both. A failing entry is counted as
 * {@code rough} when difference quotients cannot judge it: its values are within ten floors of 0
 * (noise), or its one-sided quotients differ clearly and by as much with a tenth of the step (the
 * slope jumps within the step: many units at their kinks at once, as when a network's signals
 * shrink layer by layer below {@code h}). Where the loss is smooth the one-sided quotients differ
 * by {@code h·|L''|}, which shrinks with the step, so a wrong derivative there is not rough.
 *
 * @param name          the tensor in trainscope's terms ({@code hidden-0 W}, {@code hidden-1 batchnorm gamma})
 * @param key           DL4J's parameter key ({@code 0_W})
 * @param checked       how many entries were checked
 * @param size          how many entries the tensor has
 * @param maxAbs        the largest {@code |analytic - numeric|} (NaN when a value is not finite)
 * @param maxRel        the largest {@code |analytic - numeric| / max(|analytic|, |numeric|)} over entries
 *                      where either is above the floor (below it both are rounding noise)
 * @param scale         the largest {@code |numeric|}
 * @param failing       how many checked entries break the rule (a non-finite value breaks it)
 * @param kinks         how many checked entries agree only as a one-sided derivative at a kink
 * @param rough         how many of the failing entries have a quotient that changes with the step
 *                      (inconclusive rather than wrong)
 * @param zero          whether both gradients are within the floor of 0 at every checked entry: the
 *                      check proves nothing for this tensor (dead or flat units, a bias a
 *                      normalization cancels)
 * @param float32Diff   the float32 network's analytic gradient against the float64 one over the whole
 *                      tensor, {@code max|g32 - g64| / max|g64|}; NaN when the tensor's gradient is
 *                      within the floor of 0 or float32's is not finite
 * @param float32Finite whether the float32 network's gradient of this tensor is finite
 */
public record TensorCheck(String name, String key, int checked, long size, double maxAbs, double maxRel, double scale,
                          int failing, int kinks, int rough, boolean zero, double float32Diff,
                          boolean float32Finite) {

    /** The multiple of float64's machine epsilon in the rounding floor. */
    public static final double FLOOR_ULPS = 10;

    /** The rounding floor of a central difference with step {@code h} of a loss near {@code loss}. */
    public static double floor(double loss, double h) {
        return FLOOR_ULPS * Math.ulp(1.0) * Math.max(1, Math.abs(loss)) / h;
    }

    /** Compares the analytic values of the checked entries with their difference quotients by the rule. */
    static TensorCheck compare(String name, String key, long size, double[] analytic, Differences numeric,
                               double rtol, double floor, double float32Diff, boolean float32Finite) {
        double[] central = numeric.central();
        double scale = largest(central);
        double atol = rtol * scale + floor;
        double maxAbs = 0;
        double maxRel = 0;
        int failing = 0;
        int kinks = 0;
        int rough = 0;
        boolean zero = true;
        for (int i = 0; i < analytic.length; i++) {
            double a = analytic[i];
            double b = central[i];
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
            double allowed = rtol * Math.abs(b) + atol;
            if (diff > allowed) {
                if (oneSided(a, numeric.forward()[i], numeric.backward()[i], allowed + floor)) {
                    kinks++;
                } else {
                    failing++;
                    rough += rough(larger, numeric.forward()[i] - numeric.backward()[i], numeric.fine()[i], floor) ? 1 : 0;
                }
            }
        }
        return new TensorCheck(name, key, analytic.length, size, maxAbs, maxRel, scale, failing, kinks, rough,
                zero && failing == 0, float32Diff, float32Finite);
    }

    private static double largest(double[] values) {
        double largest = 0;
        for (double v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    /**
     * Whether difference quotients cannot judge an entry: its values are within ten floors of 0, or
     * the one-sided quotients differ clearly (ten floors) and as much with a tenth of the step
     * (at least half): a jump of the slope within the step, not curvature.
     */
    private static boolean rough(double larger, double spread, double fineSpread, double floor) {
        return larger < 10 * floor || Math.abs(spread) > 10 * floor && Math.abs(fineSpread) > Math.abs(spread) / 2;
    }

    /** Whether {@code a} lies between the one-sided quotients, widened by {@code tolerance}. */
    private static boolean oneSided(double a, double forward, double backward, double tolerance) {
        return a >= Math.min(forward, backward) - tolerance && a <= Math.max(forward, backward) + tolerance;
    }

    /** Whether every checked entry agrees and float32 backpropagation stays finite. */
    public boolean agrees() {
        return failing == 0 && float32Finite;
    }
}
