package io.trainscope.core.diagnosis.rules;

import io.trainscope.core.diagnosis.ActivationShape;
import io.trainscope.core.diagnosis.LayerFacts;
import io.trainscope.core.diagnosis.Readings;
import io.trainscope.core.diagnosis.Vocabulary;

import static io.trainscope.core.diagnosis.Readings.num;

/** Readings several rules share, with the thresholds they share. */
final class Signs {

    /**
     * A gain ratio (initial std x sqrt(fan-in) over what the activation needs) beyond this factor
     * either way counts as a wrong scale: sqrt(2) is the difference between He and Glorot, so 2 leaves
     * room for fan-out and fan-mode variants while N(0, 1) on fan-in 50 (7x) is far outside.
     */
    static final double WIDE_GAIN = 2.0;
    /** The gradient-norm ratio below which gradients vanish (the gradient-norms monitor's default, 0.03). */
    static final double VANISHING_RATIO = 0.03;
    /** The ratio above which gradients explode (the gradient-norms monitor's default, 100). */
    static final double EXPLODING_RATIO = 100.0;
    /** Saturated share of a hidden layer's outputs that counts (the saturation monitor's default, 20%). */
    static final double SATURATED_PERCENT = 20.0;
    /** Saturated share from which saturation alone is an error (the saturation monitor's critical level). */
    static final double SATURATED_CRITICAL = 50.0;

    private Signs() {
    }

    /** The largest saturated share of a hidden layer at initialization, or 0. */
    static double maxSaturation(Readings r) {
        double max = 0;
        for (double v : r.hiddenAtStart(Vocabulary.SATURATION_PERCENT)) {
            max = Double.isFinite(v) ? Math.max(max, v) : max;
        }
        return max;
    }

    /** The hidden layer with the largest saturated share at initialization, or -1. */
    static int mostSaturated(Readings r) {
        double[] v = r.hiddenAtStart(Vocabulary.SATURATION_PERCENT);
        int best = -1;
        for (int l = 0; l < v.length; l++) {
            if (Double.isFinite(v[l]) && (best < 0 || v[l] > v[best])) {
                best = l;
            }
        }
        return best;
    }

    /** Whether the hidden layers' initial scale is wrong for their activation by more than {@link #WIDE_GAIN}. */
    static boolean initOff(Readings r) {
        double g = r.network().hiddenGainRatio();
        return g > WIDE_GAIN || g < 1 / WIDE_GAIN;
    }

    /** One evidence line on the initial weights' scale. */
    static String gainLine(Readings r) {
        LayerFacts first = r.network().layers().get(0);
        return "initial weights " + r.network().init() + ": std x sqrt(fan-in) " + num(first.gain()) + " in "
                + first.name() + ", " + num(r.network().hiddenGainRatio()) + "x what " + r.network().activation()
                + " (" + r.network().shape().words() + ") needs";
    }

    /** One evidence line on the gradient ratio. */
    static String ratioLine(Readings r) {
        return "gradient norm, first / last hidden layer, at initialization: " + num(r.gradientRatio())
                + " (healthy: " + num(VANISHING_RATIO) + " to " + num(EXPLODING_RATIO) + ")";
    }

    /** Whether the activation is bounded on both sides. */
    static boolean saturating(Readings r) {
        return r.network().shape() == ActivationShape.SATURATING;
    }
}
