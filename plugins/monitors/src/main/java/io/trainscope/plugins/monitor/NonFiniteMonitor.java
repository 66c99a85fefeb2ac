package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.BackwardContext;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.ForwardContext;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.MonitorContext;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.SamplingParameters;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.UpdateContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * NaN or infinite values in the loss, activations, gradients or parameters. The activations
 * (forward pass), the weight gradients (backward pass), the weights and the applied updates
 * (after the step) are checked every N iterations (the shared {@link SamplingParameters}) and on
 * any iteration whose loss is not finite ({@link Sampling#whenLossNotFinite()}: the core reads
 * the loss of every iteration, for free, and then delivers that iteration's views). A norm is
 * non-finite exactly when its array holds a NaN or an infinity; norms come from the shared
 * statistics, so they cost nothing when another monitor already asked for them. On the first
 * non-finite value it reports where it appeared first, in the order the iteration computed things
 * (input and activations layer by layer, then gradients, then weights and updates), and unless
 * told otherwise stops the run; the interrupted epoch writes no checkpoint, so the last good one
 * is kept.
 */
public final class NonFiniteMonitor implements Monitor {

    /** 1 when a non-finite value was found at this iteration. */
    public static final Metric FOUND = Metric.network("non-finite.found", "flag", "1 when a NaN or infinity was found")
            .drawn(Drawing.NONE);

    /** Views every N iterations; the views are DL4J's own arrays, so they cost nothing until read. */
    static final SamplingParameters SAMPLING = SamplingParameters.iterations(10, 0, View.ACTIVATIONS, View.GRADIENTS,
            View.UPDATES);
    static final ParameterSpec STOP = ParameterSpec.bool("stop", true, "stop training at the first non-finite value");

    private boolean stop;
    private boolean reported;
    /** Where non-finite values showed up in the current iteration so far, in the order they were computed. */
    private final List<String> where = new ArrayList<>();
    private int firstLayer = -1;
    private long whereIteration = -1;

    @Override
    public String name() {
        return "non-finite";
    }

    @Override
    public String description() {
        return "NaN or infinity in the loss, activations, gradients, weights or updates: where it first appeared, and stop the run";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SAMPLING.plus(STOP);
    }

    /** The shared sampling parameters, plus every iteration whose loss is not finite. */
    @Override
    public Sampling sampling(Parameters params) {
        return SAMPLING.sampling(params).alsoWhenLossNotFinite();
    }

    @Override
    public List<Metric> metrics() {
        return List.of(FOUND);
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        stop = ctx.parameters().bool(STOP.name());
    }

    /** Whether to look at this iteration: not after a report; starts a fresh record of where at a new iteration. */
    private boolean checks(MonitorContext ctx) {
        if (reported) {
            return false;
        }
        if (whereIteration != ctx.iteration()) {
            where.clear();
            firstLayer = -1;
            whereIteration = ctx.iteration();
        }
        return true;
    }

    @Override
    public void onForward(ForwardContext ctx) {
        if (!checks(ctx)) {
            return;
        }
        if (!Double.isFinite(ctx.stats().norms(List.of(ctx.input()))[0])) {
            note(-1, "the input batch holds NaN or infinite values (check the data and its normalization)");
        }
        locate(ctx, "activations", ctx::activations);
    }

    @Override
    public void onBackward(BackwardContext ctx) {
        if (checks(ctx)) {
            locate(ctx, "weight gradient", ctx::rawWeightGradient);
        }
    }

    @Override
    public void onUpdate(UpdateContext ctx) {
        boolean lossBad = !Double.isFinite(ctx.loss());
        if (!checks(ctx)) {
            return;
        }
        locate(ctx, "update (optimizer step)", ctx::weightUpdate);
        locate(ctx, "weights after the step", ctx::weights);
        if (!lossBad && where.isEmpty()) {
            return;
        }
        reported = true;
        ctx.record(FOUND, 1.0);
        var finding = ctx.finding(Pathology.NON_FINITE, Severity.CRITICAL)
                .summary(lossBad
                        ? String.format(Locale.ROOT, "The loss became %s at iteration %d: training has diverged.", ctx.loss(),
                        ctx.iteration())
                        : "NaN or infinite values appeared in the network at iteration " + ctx.iteration() + ".")
                .evidence(String.format(Locale.ROOT, "loss %s at iteration %d (epoch %d), learning rate %.3g", ctx.loss(),
                        ctx.iteration(), ctx.epoch(), ctx.learningRate()))
                .prescription("Lower the learning rate (try a tenth), scale the initialization to the layer width "
                        + "(xavier-normal, he-normal), standardize the inputs, or add batchnorm.");
        if (where.isEmpty()) {
            finding.evidence("activations, gradients, weights and updates were still finite: the loss overflowed first "
                    + "(outputs saturated)");
        } else {
            finding.evidence("first appeared in: " + where.get(0));
            where.stream().skip(1).limit(8).forEach(w -> finding.evidence("then: " + w));
            if (firstLayer >= 0) {
                finding.layer(firstLayer);
            }
        }
        finding.report();
        if (stop) {
            ctx.requestStop("non-finite values at iteration " + ctx.iteration());
        }
    }

    /** Notes every layer whose array (by layer index) holds a non-finite value, in layer order. */
    private void locate(MonitorContext ctx, String what, IntFunction<INDArray> array) {
        List<LayerInfo> layers = ctx.network().layers();
        List<INDArray> arrays = new ArrayList<>(layers.size());
        for (LayerInfo l : layers) {
            arrays.add(array.apply(l.index()));
        }
        double[] norms = ctx.stats().norms(arrays);
        for (int i = 0; i < norms.length; i++) {
            if (!Double.isFinite(norms[i])) {
                note(i, layers.get(i).name() + ": non-finite " + what);
            }
        }
    }

    private void note(int layer, String line) {
        if (where.isEmpty()) {
            firstLayer = layer;
        }
        where.add(line);
    }
}
