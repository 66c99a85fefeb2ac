package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.MonitorContext;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Remedy;
import io.trainscope.api.monitor.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code dead-neurons} monitor's findings, each kind once per layer: units dying since the run's
 * first check (the dead share grew by more than {@code growth} points), else too many dead units
 * (more than {@code threshold} percent); critical from 50% on. A convolution's units are its channels.
 */
final class DeadUnitFindings {

    private final double threshold;
    private final double growth;
    private final List<List<String>> trend = new ArrayList<>();
    private final double[] percents;
    private double[] firstPercent;
    private String firstWhen;
    private final Set<Integer> reported = new HashSet<>();
    private final Set<Integer> reportedDying = new HashSet<>();

    DeadUnitFindings(double threshold, double growth, int layers) {
        this.threshold = threshold;
        this.growth = growth;
        this.percents = new double[layers];
        for (int l = 0; l < layers; l++) {
            trend.add(new ArrayList<>());
        }
    }

    /** One layer's check: its trend, and a finding when it is due. */
    void layer(MonitorContext ctx, LayerInfo layer, List<Integer> dead, double percent, String when, String over) {
        int l = layer.index();
        percents[l] = percent;
        trend.get(l).add(String.format(Locale.ROOT, "%.1f%% %s", percent, when));
        String units = Phrases.units(layer, layer.units());
        String counts = String.format(Locale.ROOT, "%d of %d %s dead %s (%s)", dead.size(), layer.units(), units, over,
                when);
        Severity severity = percent >= 50 ? Severity.CRITICAL : Severity.WARNING;
        boolean dying = firstPercent != null && percent - firstPercent[l] > growth;
        if (dying && !reportedDying.contains(l)) {
            reportedDying.add(l);
            reported.add(l);
            ctx.finding(Pathology.DEAD_UNITS, severity).layer(l)
                    .summary(String.format(Locale.ROOT, "%s of %s are dying during training: %.0f%% are dead %s, "
                                    + "up from %.0f%% %s; dead %s output 0 for every example and never recover.",
                            capitalized(units), layer.name(), percent, when, firstPercent[l], firstWhen, units))
                    .evidence(counts)
                    .evidence("trend: " + String.join(", ", trend.get(l)))
                    .evidence("dead " + units + ": " + preview(dead))
                    .evidence(String.format(Locale.ROOT, "threshold: growth of more than %.1f percentage points", growth))
                    .prescription("Large steps push relu units into the region where they never fire again: lower "
                                    + "the learning rate, use {0} or {1} instead of relu, or add {2} before the activation.",
                            Remedy.activation("leaky-relu"), Remedy.activation("swish"), Remedy.normalizer("batchnorm"))
                    .report();
        } else if (percent > threshold && !reported.contains(l)) {
            reported.add(l);
            ctx.finding(Pathology.DEAD_UNITS, severity).layer(l)
                    .summary(String.format(Locale.ROOT, "%.0f%% of %s's %s are dead%s: dead %s output 0 for every "
                                    + "training example%s and get no gradient.", percent, layer.name(), units, named(layer, dead),
                            units, units.startsWith("channel") ? " at every position" : ""))
                    .evidence(counts)
                    .evidence("dead " + units + ": " + preview(dead))
                    .prescription("Use {0} or {1} instead of relu, initialize with {2}, lower the learning rate, or "
                                    + "add {3} before the activation.", Remedy.activation("leaky-relu"),
                            Remedy.activation("swish"), Remedy.initializer("he-normal"), Remedy.normalizer("batchnorm"))
                    .report();
        }
    }

    /** A check of every layer is complete: the first one is what later checks compare with. */
    void checked(String when) {
        if (firstPercent == null) {
            firstPercent = percents.clone();
            firstWhen = when;
        }
    }

    /** " (channel 2)" or " (units 3, 5)" for up to 8 dead units, else nothing. */
    private static String named(LayerInfo layer, List<Integer> dead) {
        return dead.isEmpty() || dead.size() > 8 ? "" : " (" + Phrases.units(layer, dead.size()) + " "
                + dead.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String preview(List<Integer> units) {
        String shown = units.stream().limit(32).map(String::valueOf).collect(Collectors.joining(", "));
        return "[" + shown + (units.size() > 32 ? ", ... (" + units.size() + " in all)" : "") + "]";
    }
}
