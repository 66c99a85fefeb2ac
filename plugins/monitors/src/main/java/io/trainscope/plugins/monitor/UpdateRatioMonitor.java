package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.EpochContext;
import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.api.monitor.Scale;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.UpdateContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterException;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The size of each optimizer step relative to the weights it changes: per layer
 * {@code ||ΔW|| / ||W||} (L2 norms), where {@code ΔW} is the step the optimizer actually applied
 * ({@link UpdateContext#weightUpdate}, learning rate, momentum and schedule included) and
 * {@code W} the weights right after it. For plain SGD this is {@code lr · ||g|| / ||W||}.
 *
 * <h2>Findings</h2>
 * Karpathy's rule of thumb (CS231n) puts a healthy ratio near 1e-3: far below, a layer barely
 * moves (learning rate too low, or its gradient vanished); far above, each step rewrites much of
 * the layer (learning rate too high, divergence ahead). The rule is rough, so the default band is
 * two decades either side of it, {@code [low, high] = [1e-5, 1e-1]}: at 1e-5 a layer needs
 * about 10^5 steps to change by its own size, at 1e-1 ten steps do.
 * <ul>
 *   <li>{@link Pathology#UPDATE_RATIO} (warning) when a layer's median ratio over an epoch's samples
 *       lies outside {@code [low, high]}: once per run and direction, naming every such layer.</li>
 *   <li>{@link Pathology#UPDATE_RATIO} (critical) when a single sample reaches {@code spike}
 *       (default 1: one step as large as the weights), once per run. Iteration 0 is exempt: after
 *       a zero initialization the first step is the whole weight.</li>
 * </ul>
 *
 * <h2>Sampling and cost</h2>
 * Every {@code every}-th iteration (default 10), after the update: one batched norm call for all
 * layers' {@code W} and {@code ΔW} (sums of squares over shared host copies; a norm another
 * monitor already asked for in the same callback is reused).
 */
public final class UpdateRatioMonitor implements Monitor {

    /** Update-to-weight ratio per layer. */
    public static final Metric RATIO = Metric.layer("layer.update.ratio", "ratio",
            "||applied weight update|| / ||weights|| of the layer (L2 norms)").drawn(Drawing.of(Chart.LAYER_LINES)
            .in(Sections.UPDATES).titled("Update ratio per layer, ||ΔW|| / ||W||").axis("update ratio")
            .scale(Scale.LOG).reference(1e-3)
            .guide("How far each step moves a layer's weights relative to their size; around 1e-3 is the usual "
                    + "rule of thumb: much lower learns slowly, much higher is unstable."));

    static final SamplingParameters SAMPLING = SamplingParameters.iterations(10, 0, View.UPDATES);
    static final ParameterSpec LOW = ParameterSpec.real("low", 1e-5,
            "report when a layer's epoch median falls below this").greaterThan(0);
    static final ParameterSpec HIGH = ParameterSpec.real("high", 1e-1,
            "report when a layer's epoch median rises above this").greaterThan(0);
    static final ParameterSpec SPIKE = ParameterSpec.real("spike", 1.0,
            "report at once when a single sample reaches this ratio").greaterThan(0);

    private double low;
    private double high;
    private double spike;
    private List<List<Double>> samples;
    private boolean reportedLow;
    private boolean reportedHigh;
    private boolean reportedSpike;

    @Override
    public String name() {
        return "update-ratio";
    }

    @Override
    public String description() {
        return "per-layer ||update|| / ||weights|| of the applied step, against the ~1e-3 rule of thumb";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SAMPLING.plus(LOW, HIGH, SPIKE);
    }

    @Override
    public Sampling sampling(Parameters params) {
        return SAMPLING.sampling(params);
    }

    @Override
    public List<Metric> metrics() {
        return List.of(RATIO);
    }

    @Override
    public void validate(Parameters params) {
        if (params.real(LOW.name()) >= params.real(HIGH.name())) {
            throw new ParameterException(LOW.name(), "must be below high (got " + params.real(LOW.name()) + " >= "
                    + params.real(HIGH.name()) + ")");
        }
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        low = ctx.parameters().real(LOW.name());
        high = ctx.parameters().real(HIGH.name());
        spike = ctx.parameters().real(SPIKE.name());
        samples = new ArrayList<>();
        for (int l = 0; l < ctx.network().size(); l++) {
            samples.add(new ArrayList<>());
        }
    }

    @Override
    public void onUpdate(UpdateContext ctx) {
        int n = ctx.network().size();
        List<INDArray> arrays = new ArrayList<>(2 * n);
        for (int l = 0; l < n; l++) {
            arrays.add(ctx.weights(l));
            arrays.add(ctx.weightUpdate(l));
        }
        double[] norms = ctx.stats().norms(arrays);
        int worst = -1;
        double worstRatio = 0;
        for (int l = 0; l < n; l++) {
            double ratio = norms[2 * l + 1] / norms[2 * l];
            ctx.record(RATIO, l, ratio);
            samples.get(l).add(ratio);
            if (ratio >= spike && ratio > worstRatio) {
                worst = l;
                worstRatio = ratio;
            }
        }
        if (worst >= 0 && !reportedSpike && ctx.iteration() > 0) {
            reportedSpike = true;
            LayerInfo layer = ctx.network().layers().get(worst);
            ctx.finding(Pathology.UPDATE_RATIO, Severity.CRITICAL)
                    .layer(worst)
                    .summary(String.format(Locale.ROOT, "One optimizer step changed %s by %s times its own size: the "
                            + "learning rate is far too high and training is about to diverge.", layer.name(),
                            Phrases.num(worstRatio)))
                    .evidence(String.format(Locale.ROOT, "%s: ||update|| %s, ||W|| %s, ratio %s %s, learning rate %s",
                            layer.name(), Phrases.num(norms[2 * worst + 1]), Phrases.num(norms[2 * worst]),
                            Phrases.num(worstRatio), Phrases.when(ctx), Phrases.num(ctx.learningRate())))
                    .evidence("threshold: spike " + Phrases.num(spike) + "; healthy ratios are near 1e-3")
                    .prescription("Lower the learning rate (try a tenth of " + Phrases.num(ctx.learningRate())
                            + ") or let a schedule decay it (step or cosine).")
                    .report();
        }
    }

    @Override
    public void onEpochEnd(EpochContext ctx) {
        List<String> tooLow = new ArrayList<>();
        List<String> tooHigh = new ArrayList<>();
        int lowLayer = -1;
        int highLayer = -1;
        for (int l = 0; l < samples.size(); l++) {
            List<Double> s = samples.get(l);
            if (s.isEmpty()) {
                continue;
            }
            double median = median(s);
            String line = String.format(Locale.ROOT, "%s: median %s over %d samples of epoch %d (min %s, max %s)",
                    ctx.network().layers().get(l).name(), Phrases.num(median), s.size(), ctx.epoch(),
                    Phrases.num(s.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)),
                    Phrases.num(s.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
            if (median < low) {
                tooLow.add(line);
                lowLayer = lowLayer < 0 ? l : lowLayer;
            } else if (median > high) {
                tooHigh.add(line);
                highLayer = highLayer < 0 ? l : highLayer;
            }
            s.clear();
        }
        reportSlow(ctx, tooLow, lowLayer);
        reportLarge(ctx, tooHigh, highLayer);
    }

    private void reportSlow(EpochContext ctx, List<String> tooLow, int lowLayer) {
        if (tooLow.isEmpty() || reportedLow) {
            return;
        }
        reportedLow = true;
        Finding.Builder f = ctx.finding(Pathology.UPDATE_RATIO, Severity.WARNING)
                .layer(lowLayer)
                .summary(String.format(Locale.ROOT, "%d layer%s barely move: each step changes the weights by less "
                        + "than %s of their size (healthy is about 1e-3).", tooLow.size(),
                        tooLow.size() == 1 ? "" : "s", Phrases.num(low)))
                .prescription("Raise the learning rate (or use adam); if only the layers near the input are slow, "
                        + "their gradients vanish: see the gradient-norms findings and initialize to the layer "
                        + "width (xavier-normal, he-normal).");
        tooLow.forEach(f::evidence);
        f.evidence("threshold: low " + Phrases.num(low)).report();
    }

    private void reportLarge(EpochContext ctx, List<String> tooHigh, int highLayer) {
        if (tooHigh.isEmpty() || reportedHigh) {
            return;
        }
        reportedHigh = true;
        Finding.Builder f = ctx.finding(Pathology.UPDATE_RATIO, Severity.WARNING)
                .layer(highLayer)
                .summary(String.format(Locale.ROOT, "%d layer%s take%s steps too large for their weights: each "
                        + "step changes them by more than %s of their size (healthy is about 1e-3).", tooHigh.size(),
                        tooHigh.size() == 1 ? "" : "s", tooHigh.size() == 1 ? "s" : "", Phrases.num(high)))
                .prescription("Lower the learning rate (try a tenth) or use a decaying schedule; large steps make "
                        + "training noisy and can kill relu units or diverge.");
        tooHigh.forEach(f::evidence);
        f.evidence("threshold: high " + Phrases.num(high)).report();
    }

    /** The median of a non-empty list (the mean of the middle two for an even count). */
    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
