package io.trainscope.core.activation;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * The shape of an activation, computed from its plugin in float64: samples of {@code f} and
 * {@code f'} over a {@link ProfileRange} (for plotting), and the figures seed 003's first figure
 * lets a reader see. Pure computation, no chart or text: the {@code activations} command and the
 * report draw and print it.
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li><b>output range</b>: the smallest and largest sampled {@code f(z)}.</li>
 *   <li><b>maximum derivative</b>: the largest sampled {@code f'(z)}, and the first input where it occurs.</li>
 *   <li><b>saturation</b>: the maximal runs of sample points where {@code |f'(z)| < saturationSlope}
 *       (default 0.01): where a unit passes almost no gradient back. Sigmoid on [-5, 5] gives
 *       [-5, -4.59] and [4.59, 5]; relu gives [-5, 0] (its derivative at 0 is 0).</li>
 *   <li><b>monotonic</b>: the sampled {@code f} never decreases, or never increases, beyond rounding
 *       ({@code 1e-12·max(1, |f|)}). Swish, gelu and mish are not: they dip below zero first.</li>
 *   <li><b>zero-centred</b>: for standard normal inputs {@code z ~ N(0, 1)} (what a well-initialized
 *       layer feeds its activation) the mean output is at most 5% of the root mean square output:
 *       {@code |E f(z)| <= 0.05·sqrt(E f(z)²)}. Then the next layer's inputs are centred, as seeds 002
 *       and 004 want. tanh and identity are; sigmoid (mean 0.5) and relu (mean 0.40, 56% of its
 *       RMS) are not, nor is a function that is non-negative or mostly so (elu: mean 0.16, 20%).
 *       Both moments are computed on [-8, 8], whatever the sampled range, with Simpson's rule.</li>
 * </ul>
 *
 * @param activation  the activation's name
 * @param params      its parameters
 * @param range       where it was sampled
 * @param z           the sample points
 * @param values      {@code f(z)} at each sample point
 * @param derivatives {@code f'(z)} at each sample point
 * @param output      the output range over the samples
 * @param maxDerivative   the largest sampled derivative
 * @param maxDerivativeAt the first sample point where it occurs
 * @param saturated   the saturated intervals, in order; empty if none
 * @param monotonic   whether {@code f} is monotonic on the samples
 * @param normalMean  {@code E f(z)} for {@code z ~ N(0, 1)}
 * @param normalRms   {@code sqrt(E f(z)²)} for {@code z ~ N(0, 1)}
 */
public record ActivationProfile(String activation, Parameters params, ProfileRange range, double[] z, double[] values,
                                double[] derivatives, Interval output, double maxDerivative, double maxDerivativeAt,
                                List<Interval> saturated, boolean monotonic, double normalMean, double normalRms) {

    /** How far from zero, relative to the RMS output, the mean under N(0, 1) may be for a zero-centred activation. */
    public static final double ZERO_CENTRED_SHARE = 0.05;

    public ActivationProfile {
        saturated = List.copyOf(saturated);
    }

    /** The profile over {@link ProfileRange#DEFAULT}. */
    public static ActivationProfile of(Activation f, Parameters params) {
        return of(f, params, ProfileRange.DEFAULT);
    }

    /**
     * Samples {@code f} and computes its profile in float64.
     *
     * @param f      the activation
     * @param params its resolved parameters
     * @param range  where to sample
     * @throws IllegalArgumentException when {@code f} or {@code f'} is not finite somewhere in the range
     */
    public static ActivationProfile of(Activation f, Parameters params, ProfileRange range) {
        double[] z = range.samples();
        double[] values = evaluate(f, params, z, false);
        double[] derivatives = evaluate(f, params, z, true);
        int best = Shape.argMax(derivatives);
        double[] moments = Shape.standardNormalMoments(t -> evaluate(f, params, t, false));
        return new ActivationProfile(f.name(), params, range, z, values, derivatives, Shape.range(values),
                derivatives[best], z[best], Shape.runsBelow(z, derivatives, range.saturationSlope()),
                Shape.monotonic(values), moments[0], Math.sqrt(moments[1]));
    }

    /** Whether the activation is zero-centred (see the class description). */
    public boolean zeroCentred() {
        return Math.abs(normalMean) <= ZERO_CENTRED_SHARE * normalRms;
    }

    private static double[] evaluate(Activation f, Parameters params, double[] z, boolean derivative) {
        INDArray in = Nd4j.createFromArray(z.clone());
        INDArray out = derivative ? f.derivative(in, params) : f.apply(in, params);
        double[] v = out.reshape(-1).toDoubleVector();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("activation '" + f.name() + "' " + (derivative ? "derivative" : "output")
                        + " is " + v[i] + " at z = " + z[i] + "; it cannot be profiled");
            }
        }
        return v;
    }
}
