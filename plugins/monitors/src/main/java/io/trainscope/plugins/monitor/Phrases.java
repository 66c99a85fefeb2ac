package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.MonitorContext;
import io.trainscope.api.monitor.Remedy;

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

    /** What a layer's units are: "channels" of a convolution, else "units" (plural; "channel", "unit" for one). */
    static String units(io.trainscope.api.monitor.LayerInfo layer, long count) {
        String word = layer.kind() == io.trainscope.api.monitor.LayerKind.CONV2D ? "channel" : "unit";
        return count == 1 ? word : word + "s";
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
     * Words of a prescription with placeholders {@code {0}}, {@code {1}}, ... for its remedies, which
     * the core words for the run (plugin names for a config, DL4J code for a network an application
     * built): see {@link Finding.Builder#prescription(String, Remedy...)}.
     */
    record Prescription(String text, Remedy... remedies) {

        /** The same prescription after {@code words} (which hold no placeholder). */
        Prescription after(String words) {
            return new Prescription(words + text, remedies);
        }

        /** Sets this prescription on a finding. */
        Finding.Builder on(Finding.Builder finding) {
            return finding.prescription(text, remedies);
        }
    }

    /**
     * What initialization suits the network's hidden activation: the cure seeds 000, 002 and 004
     * prescribe for vanishing or exploding signals.
     */
    static Prescription initFor(String activation) {
        return switch (activation) {
            case "sigmoid" -> new Prescription("Sigmoid saturates and its derivative is at most 0.25: switch to {0} "
                    + "with {1}, or keep the activation and initialize with {2}; {3} before the activation also helps.",
                    Remedy.activation("relu"), Remedy.initializer("he-normal"), Remedy.initializer("xavier-normal"),
                    Remedy.normalizer("batchnorm"));
            case "tanh" -> new Prescription("Initialize with {0} (variance 2/(fan-in + fan-out)) so activations stay "
                    + "out of tanh's flat region; {1} before the activation also helps.", Remedy.initializer("xavier-normal"),
                    Remedy.normalizer("batchnorm"));
            case "relu" -> new Prescription("Initialize with {0} (variance 2/fan-in) so the signal keeps its scale "
                    + "through relu layers; consider {1} if units die.", Remedy.initializer("he-normal"),
                    Remedy.activation("leaky-relu"));
            case "leaky-relu", "prelu", "elu", "gelu", "swish", "mish", "softplus" -> new Prescription("Initialize "
                    + "with {0} (variance 2/fan-in), as for relu, whose shape this activation shares for positive "
                    + "inputs; {1} before the activation also helps.", Remedy.initializer("he-normal"),
                    Remedy.normalizer("batchnorm"));
            default -> new Prescription("Use an initialization scaled to the layer width ({0}, {1}) and a "
                    + "non-saturating activation; {2} also helps.", Remedy.initializer("xavier-normal"),
                    Remedy.initializer("he-normal"), Remedy.normalizer("batchnorm"));
        };
    }
}
