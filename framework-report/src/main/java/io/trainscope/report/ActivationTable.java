package io.trainscope.report;

import io.trainscope.core.activation.ActivationProfile;
import io.trainscope.core.activation.Interval;
import io.trainscope.core.activation.ProfileRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of activation shapes that {@code trainscope activations} prints and its page shows:
 * per activation, the output range and the largest derivative over the sampled range, where the
 * derivative is below the saturation slope, and whether it is monotonic and zero-centred (the
 * definitions are {@link ActivationProfile}'s).
 */
public final class ActivationTable {

    private ActivationTable() {
    }

    /** The column titles, for profiles sampled over {@code range}. */
    public static List<String> headers(ProfileRange range) {
        return List.of("activation", "output on [" + plain(range.from()) + ", " + plain(range.to()) + "]",
                "max f'(z)", "saturated (|f'| < " + plain(range.saturationSlope()) + ")", "monotonic", "zero-centred");
    }

    /** One row of cells per profile, in order; the keys are the activations' labels. */
    public static List<List<String>> rows(Map<String, ActivationProfile> profiles) {
        List<List<String>> rows = new ArrayList<>();
        profiles.forEach((label, p) -> rows.add(List.of(label,
                "[" + Html.number(p.output().from()) + ", " + Html.number(p.output().to()) + "]",
                Html.number(p.maxDerivative()) + " at z = " + plain(p.maxDerivativeAt()),
                saturation(p.saturated()), p.monotonic() ? "yes" : "no", p.zeroCentred() ? "yes" : "no")));
        return rows;
    }

    /** The table as aligned text for a terminal, two spaces between columns. */
    public static String text(Map<String, ActivationProfile> profiles, ProfileRange range) {
        List<List<String>> all = new ArrayList<>();
        all.add(headers(range));
        all.addAll(rows(profiles));
        int[] width = new int[all.get(0).size()];
        for (List<String> row : all) {
            for (int c = 0; c < row.size(); c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                line.append(c == 0 ? "" : "  ").append(row.get(c)).append(" ".repeat(width[c] - row.get(c).length()));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String saturation(List<Interval> intervals) {
        if (intervals.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (Interval i : intervals) {
            parts.add("[" + plain(i.from()) + ", " + plain(i.to()) + "]");
        }
        return String.join(", ", parts);
    }

    /** A sample point: at most two decimals, no trailing zeros, no negative zero. */
    static String plain(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v + 0.0).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
