package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.UpdateContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * NaN or infinite values: checks the loss on every iteration (free: DL4J has it already) and the
 * weights and applied updates of every layer every N iterations (one batched norm call: a norm is
 * non-finite exactly when its array holds a NaN or an infinity). On the first non-finite value it
 * reports where it appeared first and, unless told otherwise, stops the run; the last good
 * checkpoint is kept.
 */
public final class NonFiniteMonitor implements Monitor {

    /** 1 when a non-finite value was found at this iteration. */
    public static final Metric FOUND = new Metric("non-finite.found", "flag", "1 when a NaN or infinity was found");

    static final ParameterSpec EVERY = ParameterSpec.integer("every", 10,
            "check weights and updates every N iterations (the loss is checked every iteration)").atLeast(1);
    static final ParameterSpec STOP = ParameterSpec.bool("stop", true, "stop training at the first non-finite value");

    private int every;
    private boolean stop;
    private boolean reported;

    @Override
    public String name() {
        return "non-finite";
    }

    @Override
    public String description() {
        return "NaN or infinity in the loss, weights or updates: where it first appeared, and stop the run";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(EVERY, STOP);
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        every = ctx.parameters().integer("every");
        stop = ctx.parameters().bool("stop");
    }

    @Override
    public Sampling sampling() {
        return Sampling.every(1, View.UPDATES);
    }

    @Override
    public void onUpdate(UpdateContext ctx) {
        if (reported) {
            return;
        }
        boolean lossBad = !Double.isFinite(ctx.loss());
        if (!lossBad && ctx.iteration() % every != 0) {
            return;
        }
        List<String> where = locate(ctx);
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
        where.forEach(finding::evidence);
        if (where.isEmpty()) {
            finding.evidence("weights and updates were still finite: the loss overflowed first (outputs saturated)");
        }
        if (!where.isEmpty()) {
            finding.layer(firstLayer(ctx, where));
        }
        finding.report();
        if (stop) {
            ctx.requestStop("non-finite values at iteration " + ctx.iteration());
        }
    }

    /** Which layers' weights or updates hold non-finite values, one line each. */
    private static List<String> locate(UpdateContext ctx) {
        List<LayerInfo> layers = ctx.network().layers();
        List<INDArray> arrays = new ArrayList<>(2 * layers.size());
        for (LayerInfo l : layers) {
            arrays.add(ctx.weights(l.index()));
            arrays.add(ctx.weightUpdate(l.index()));
        }
        double[] norms = ctx.stats().norms(arrays);
        List<String> where = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (!Double.isFinite(norms[2 * i + 1])) {
                where.add(layers.get(i).name() + ": non-finite update (gradient step)");
            }
            if (!Double.isFinite(norms[2 * i])) {
                where.add(layers.get(i).name() + ": non-finite weights");
            }
        }
        return where;
    }

    private static int firstLayer(UpdateContext ctx, List<String> where) {
        String first = where.get(0);
        for (LayerInfo l : ctx.network().layers()) {
            if (first.startsWith(l.name() + ":")) {
                return l.index();
            }
        }
        return 0;
    }
}
