package io.trainscope.core.diagnosis;

import io.trainscope.core.run.Measurement;
import io.trainscope.core.training.TrainerMetrics;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.DoubleStream;

/**
 * The numbers the rules read from a probe, by meaning rather than by metric name: the gradient
 * ratio at initialization, each layer's saturated and dead share, the loss curve. A value a
 * monitor did not record reads as NaN (or empty).
 */
public final class Readings {

    private final ProbeResult probe;

    public Readings(ProbeResult probe) {
        this.probe = probe;
    }

    /** The probe this reads. */
    public ProbeResult probe() {
        return probe;
    }

    /** The network facts. */
    public NetworkFacts network() {
        return probe.network();
    }

    /** The input facts. */
    public InputFacts inputs() {
        return probe.inputs();
    }

    /** A network-wide value at iteration 0, or NaN. */
    public double atStart(String metric) {
        return probe.measurements().value(metric, 0, null);
    }

    /** A layer's value at iteration 0, or NaN. */
    public double atStart(String metric, int layer) {
        return probe.measurements().value(metric, 0, layer);
    }

    /** A layer's values at iteration 0 for the hidden layers, in order (NaN where missing). */
    public double[] hiddenAtStart(String metric) {
        double[] v = new double[network().depth()];
        for (int l = 0; l < v.length; l++) {
            v[l] = atStart(metric, l);
        }
        return v;
    }

    /** The first-to-last hidden gradient norm ratio at initialization. */
    public double gradientRatio() {
        return atStart(Vocabulary.GRADIENT_RATIO);
    }

    /** Whether every layer's weight gradient was exactly zero at initialization. */
    public boolean gradientsAllZero() {
        double[] norms = new double[network().layers().size()];
        for (int l = 0; l < norms.length; l++) {
            norms[l] = atStart(Vocabulary.GRADIENT_NORM, l);
        }
        return Arrays.stream(norms).allMatch(n -> n == 0.0);
    }

    /** The initial loss divided by the loss of an uninformed network, or NaN. */
    public double initialLossRatio() {
        return atStart(Vocabulary.LOSS_AT_START) / atStart(Vocabulary.LOSS_EXPECTED);
    }

    /** The training loss of each probe iteration, in order. */
    public double[] losses() {
        return series(TrainerMetrics.LOSS.name(), null).toArray();
    }

    /** A metric's values over the probe for one layer (or network-wide when {@code layer} is null). */
    public DoubleStream series(String metric, Integer layer) {
        List<Measurement> all = probe.measurements().metric(metric);
        return all.stream().filter(m -> layer == null ? m.layer() == null : layer.equals(m.layer()))
                .mapToDouble(Measurement::value);
    }

    /** The first iteration with a non-finite loss or value, if any. */
    public OptionalLong firstNonFinite() {
        OptionalLong flagged = probe.measurements().metric(Vocabulary.NON_FINITE_FOUND).stream()
                .filter(m -> m.value() > 0).mapToLong(Measurement::iteration).min();
        if (flagged.isPresent()) {
            return flagged;
        }
        double[] losses = losses();
        for (int i = 0; i < losses.length; i++) {
            if (!Double.isFinite(losses[i])) {
                return OptionalLong.of(i);
            }
        }
        return OptionalLong.empty();
    }

    /** The median over the probe of a layer's metric, ignoring iteration 0, or empty. */
    public OptionalDouble median(String metric, int layer) {
        double[] v = probe.measurements().metric(metric).stream()
                .filter(m -> m.iteration() > 0 && Integer.valueOf(layer).equals(m.layer()))
                .mapToDouble(Measurement::value).filter(Double::isFinite).sorted().toArray();
        return v.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(v[v.length / 2]);
    }

    /** The largest value of a layer's metric over the probe, or NaN. */
    public double max(String metric, int layer) {
        return series(metric, layer).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    /** A layer's name. */
    public String layerName(int layer) {
        return network().layers().get(layer).name();
    }

    /** Formats a number for evidence: 3 significant digits, scientific when small or large. */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-2 || a >= 1e4) ? String.format(java.util.Locale.ROOT, "%.2e", v) : String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
