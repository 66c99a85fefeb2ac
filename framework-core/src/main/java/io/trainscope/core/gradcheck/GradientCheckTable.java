package io.trainscope.core.gradcheck;

import java.util.Locale;
import java.util.stream.Collectors;

/** A {@link GradientCheckReport} as text: what was compared, the rule, one line per tensor, and the verdict. */
public final class GradientCheckTable {

    private GradientCheckTable() {
    }

    /** The whole report. */
    public static String render(GradientCheckReport r) {
        GradientCheckOptions o = r.options();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "gradient check of %s: network seed %d, the first %d training examples, "
                + "float64, loss %.6g%n", r.name(), r.seed(), r.examples(), r.loss()));
        sb.append(String.format(Locale.ROOT, "  analytic: DL4J's backpropagation through trainscope's layers and "
                + "activation adapters; numeric: (L(w+h) - L(w-h)) / 2h, h = %s%n", o.epsilon()));
        sb.append(String.format(Locale.ROOT, "  an entry agrees when |analytic - numeric| <= rtol |numeric| + "
                + "rtol max|numeric| + floor, rtol %s, floor %.2e (rounding of the quotient);%n  at a kink (relu at 0) when "
                + "analytic lies between the one-sided quotients%n", o.rtol(), r.floor()));
        sb.append("  off for the check: dropout, weight decay, gradient clipping, probability clipping"
                + (r.changes().isEmpty() ? " (none set)" : "; this config had " + String.join(", ", r.changes()))
                + System.lineSeparator());
        sb.append(String.format(Locale.ROOT, "%n  %-28s %15s %11s %12s %13s %12s   %s%n", "tensor", "entries checked",
                "max |diff|", "max rel diff", "max |numeric|", "float32 diff", "agree"));
        for (TensorCheck t : r.tensors()) {
            sb.append(String.format(Locale.ROOT, "  %-28s %15s %11.2e %12.2e %13.2e %12s   %s%n", t.name(),
                    t.checked() + " of " + t.size(), t.maxAbs(), t.maxRel(), t.scale(), Double.isNaN(t.float32Diff())
                            ? "-" : String.format(Locale.ROOT, "%.1e", t.float32Diff()), verdict(t)));
        }
        sb.append("  (float32 diff: max |g32 - g64| / max |g64| over the whole tensor: the float32 network train "
                + "builds against this float64 one; - where the gradient is 0)").append(System.lineSeparator());
        return sb.append(System.lineSeparator()).append(verdict(r)).append(System.lineSeparator()).toString();
    }

    private static String verdict(TensorCheck t) {
        if (!t.float32Finite()) {
            return "NO: float32 gradient not finite";
        }
        if (t.failing() > 0) {
            return "NO: " + t.failing() + " of " + t.checked() + (t.rough() == 0 ? "" : " (" + t.rough() + " rough)");
        }
        if (t.zero()) {
            return "yes (gradient 0)";
        }
        return t.kinks() == 0 ? "yes" : "yes (" + t.kinks() + " at a kink)";
    }

    /** The verdict line. */
    public static String verdict(GradientCheckReport r) {
        if (!r.checkable()) {
            return "FAIL: nothing to compare: the loss at the initial weights is " + r.loss() + " in float64 (no "
                    + "probability clipping): the outputs overflow; scale the initialization to the layer width "
                    + "(trainscope diagnose names the fix), then check again";
        }
        if (r.inconclusive()) {
            long failing = r.failing().stream().mapToLong(TensorCheck::failing).sum();
            return String.format(Locale.ROOT, "FAIL (inconclusive): %d of the %d failing entries (%s) cannot be judged "
                    + "by difference quotients: their values are rounding noise, or the slope jumps within h = %s (many "
                    + "units at their kinks, as when signals shrink layer by layer below h); they show no wrong "
                    + "derivative; try a smaller --epsilon or other --examples", r.roughEntries(), failing, names(r),
                    r.options().epsilon());
        }
        if (!r.passed()) {
            return "FAIL: the analytic gradient disagrees with the central difference in "
                    + names(r) + "; a wrong derivative spreads to every layer below its own: look first at the layer of the last "
                    + "one named and its activation";
        }
        long zero = r.tensors().stream().filter(TensorCheck::zero).count();
        long kinks = r.tensors().stream().mapToLong(TensorCheck::kinks).sum();
        return String.format(Locale.ROOT, "PASS: every tensor agrees (%d of %d entries checked)%s%s", r.checkedEntries(),
                r.totalEntries(), kinks == 0 ? "" : "; " + kinks + " at a kink, as a one-sided derivative",
                zero == 0 ? "" : "; " + zero + " tensor" + (zero > 1 ? "s have" : " has") + " a zero gradient at every "
                        + "checked entry, where the check proves nothing (dead or flat units, or a bias a normalization "
                        + "cancels)");
    }

    private static String names(GradientCheckReport r) {
        return r.failing().stream().map(TensorCheck::name).collect(Collectors.joining(", "));
    }
}
