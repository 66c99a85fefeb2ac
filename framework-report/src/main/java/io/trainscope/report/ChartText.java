package io.trainscope.report;

import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.Metric;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the charts of a report say in words, from the metrics' declarations: titles, legend names,
 * captions (with the run's activations filled in), notes about values left out, and the small
 * series helpers every kind of chart shares.
 */
final class ChartText {

    /** Above this many points a line is drawn without point markers. */
    static final int SHAPES_UP_TO = 40;

    private ChartText() {
    }

    /** An id for HTML from a metric or section name: lower-case words joined by hyphens. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "x" : s;
    }

    /** The chart title of a metric: declared, else its name. */
    static String title(Metric m) {
        return m.drawing().title() != null ? m.drawing().title() : m.name();
    }

    /** The name of a metric in legends and tables: declared, else its name. */
    static String label(Metric m) {
        return m.drawing().label() != null ? m.drawing().label() : m.name();
    }

    /** The value-axis label of a metric: declared, else its unit (or its name when it has none). */
    static String axis(Metric m) {
        return m.drawing().axis() != null ? m.drawing().axis() : m.unit().isEmpty() ? m.name() : m.unit();
    }

    /**
     * The caption of a chart of {@code metrics}: the first declared guide among them, or the
     * description of a chart with a single metric; {@value Drawing#ACTIVATIONS} is filled in.
     */
    static String guide(RunData d, List<Metric> metrics) {
        for (Metric m : metrics) {
            if (m.drawing().guide() != null) {
                return activations(d, m.drawing().guide());
            }
        }
        return metrics.size() == 1 ? capitalised(metrics.get(0).description()) + "." : "";
    }

    /** Replaces {@value Drawing#ACTIVATIONS} with the run's activations and where each is flat. */
    static String activations(RunData d, String text) {
        if (!text.contains(Drawing.ACTIVATIONS)) {
            return text;
        }
        Set<String> parts = new LinkedHashSet<>();
        if (d.run().get("network") instanceof Map<?, ?> n && n.get("layers") instanceof List<?> layers) {
            for (Object o : layers) {
                if (o instanceof Map<?, ?> l && l.get("activation") != null) {
                    parts.add(l.get("activation") + ": " + flat(l.get("flat_region")));
                }
            }
        }
        return text.replace(Drawing.ACTIVATIONS, parts.isEmpty() ? "the layers' activations" : String.join("; ", parts));
    }

    /** {@code a ≤ 0.01 or a ≥ 0.99}, {@code |a| ≥ 0.99}, {@code a ≤ 0}, or {@code no flat region}. */
    private static String flat(Object region) {
        if (!(region instanceof Map<?, ?> r)) {
            return "no flat region";
        }
        Double lower = r.get("lower") instanceof Number x ? x.doubleValue() : null;
        Double upper = r.get("upper") instanceof Number x ? x.doubleValue() : null;
        if (lower != null && upper != null) {
            return lower == -upper ? "|a| ≥ " + Html.number(upper)
                    : "a ≤ " + Html.number(lower) + " or a ≥ " + Html.number(upper);
        }
        if (lower != null) {
            return "a ≤ " + Html.number(lower);
        }
        return upper != null ? "a ≥ " + Html.number(upper) : "no flat region";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Appends a sentence about values a chart could not draw. */
    static void note(StringBuilder caption, int dropped, boolean log) {
        if (dropped > 0) {
            caption.append(caption.length() == 0 ? "" : " ").append(dropped).append(log
                    ? " zero, negative or non-finite values are not drawn (a log axis cannot place them)."
                    : " non-finite values are not drawn.");
        }
    }

    /** One line of an XY chart from a series' plotted points. */
    static ChartKit.Line line(String name, Series s, Color color, boolean dashed) {
        List<Series.Point> points = s.points();
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).iteration();
            y[i] = points.get(i).value();
        }
        return new ChartKit.Line(name, x, y, color, dashed, x.length <= SHAPES_UP_TO);
    }

    /** The finite value a series has at a snapshot iteration, or null. */
    static Double valueAt(Series s, long iteration) {
        if (s == null) {
            return null;
        }
        NavigableMap<Long, Series.Sample> snaps = s.snapshots();
        Series.Sample sample = snaps.get(iteration);
        return sample == null || !Double.isFinite(sample.value()) ? null : sample.value();
    }

    /** Up to {@code n} items spread evenly over {@code items}, first and last included. */
    static <T> List<T> spread(List<T> items, int n) {
        if (items.size() <= n) {
            return items;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            T t = items.get((int) Math.round(i * (items.size() - 1) / (double) (n - 1)));
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** {@code 12} or {@code 0–120}. */
    static String range(TreeSet<Long> iterations) {
        return iterations.size() == 1 ? Long.toString(iterations.first()) : iterations.first() + "–" + iterations.last();
    }

    /** A level in (0, 1) as an ordinal percentile: {@code 5th}, {@code 25th}, {@code 50th}. */
    static String percentile(double level) {
        long p = Math.round(level * 100);
        String suffix = p % 100 >= 11 && p % 100 <= 13 ? "th" : switch ((int) (p % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return p + suffix;
    }
}
