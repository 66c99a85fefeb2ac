package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.MonitorContext;

import java.util.Locale;

/** Wording shared by several monitors' findings, so that they say the same thing the same way. */
final class Phrases {

    private Phrases() {
    }

    /** "at initialization (iteration 0)" or "at iteration 120 (epoch 3)". */
    static String when(MonitorContext ctx) {
        return ctx.iteration() == 0 ? "at initialization (iteration 0)"
                : "at iteration " + ctx.iteration() + " (epoch " + ctx.epoch() + ")";
    }

    /** A number in three significant digits, in scientific notation when very small or large. */
    static String num(double v) {
        double a = Math.abs(v);
        if (v == 0 || !Double.isFinite(v) || (a >= 1e-3 && a < 1e4)) {
            return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : String.valueOf(v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    /**
     * What initialization suits the network's hidden activation: the cure seeds 000, 002 and 004
     * prescribe for vanishing or exploding signals.
     */
    static String initFor(String activation) {
        return switch (activation) {
            case "sigmoid" -> "Sigmoid saturates and its derivative is at most 0.25: switch to relu with he-normal, or "
                    + "keep the activation and use xavier-normal initialization; batchnorm before the activation also helps.";
            case "tanh" -> "Initialize with xavier-normal (variance 2/(fan-in + fan-out)) so activations stay out of "
                    + "tanh's flat region; batchnorm before the activation also helps.";
            case "relu" -> "Initialize with he-normal (variance 2/fan-in) so the signal keeps its scale through relu "
                    + "layers; consider leaky-relu if units die.";
            case "leaky-relu", "prelu", "elu", "gelu", "swish", "mish", "softplus" -> "Initialize with he-normal "
                    + "(variance 2/fan-in), as for relu, whose shape this activation shares for positive inputs; "
                    + "batchnorm before the activation also helps.";
            default -> "Use an initialization scaled to the layer width (xavier-normal, he-normal) and a non-saturating "
                    + "activation; batchnorm also helps.";
        };
    }
}
