package io.trainscope.plugins.monitor;

import io.trainscope.api.monitor.Chart;
import io.trainscope.api.monitor.Drawing;
import io.trainscope.api.monitor.ForwardContext;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.Metric;
import io.trainscope.api.monitor.Monitor;
import io.trainscope.api.monitor.NetworkInfo;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Sampling;
import io.trainscope.api.monitor.Severity;
import io.trainscope.api.monitor.Statistics;
import io.trainscope.api.monitor.TrainingStartContext;
import io.trainscope.api.monitor.View;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;

import java.util.List;
import java.util.Locale;

/**
 * The loss before the first update against the loss of an uninformed network (seed 002): a
 * freshly initialized classifier should be unsure, and an unsure one has a known loss. Its output
 * logits near 0 give {@code ln C} for softmax cross-entropy over {@code C} classes (whatever the
 * class balance) and {@code ln 2} per output unit for binary cross-entropy (DL4J sums it over the
 * outputs). For {@code mse} and {@code mae} the loss depends on the targets' scale, so only the
 * value is recorded.
 *
 * <p>The loss is DL4J's score of the first batch, so it includes any regularization term the
 * optimizer adds (none unless the config asks for weight decay or l2).
 *
 * <h2>Finding</h2>
 * {@link Pathology#BAD_INITIAL_LOSS} when the loss exceeds {@code factor} times its expected
 * value (default 3: seed 002's MNIST net with N(0, 1) weights starts far above ln 10, while seed
 * 000's networks start within 15% of ln 2 whatever their initialization), with the spread of the
 * output logits as evidence.
 *
 * <h2>Sampling and cost</h2>
 * Iteration 0 only ({@link Sampling#atStart}); the loss is free, the logits' statistics cost one host
 * copy of the output layer's pre-activations. A resumed run does not see iteration 0 and records
 * nothing.
 */
public final class InitialLossMonitor implements Monitor {

    /** The expected loss of an uninformed network. */
    public static final Metric EXPECTED = Metric.network("initial.loss.expected", "nats",
            "loss of a network whose output logits are 0: ln C for softmax cross-entropy, units x ln 2 for binary "
                    + "cross-entropy").drawn(Drawing.NONE.labelled("expected for an untrained network"));
    /** The loss of the first batch, before any update. */
    public static final Metric LOSS = Metric.network("initial.loss", "nats",
            "mean loss of the first batch, before the first update").drawn(Drawing.of(Chart.VALUE)
            .in(Sections.GRADIENTS).titled("Initial loss").labelled("loss before the first update")
            .against(EXPECTED.name()).inComparisons()
            .guide("The expected value is ln C for softmax cross-entropy over C classes and ln 2 for balanced binary "
                    + "cross-entropy (seed 002): an initial loss far above it means the network starts confidently "
                    + "wrong."));

    static final ParameterSpec FACTOR = ParameterSpec.real("factor", 3.0,
            "report when the initial loss exceeds this multiple of its expected value").greaterThan(1);

    private double factor;
    private boolean done;

    @Override
    public String name() {
        return "initial-loss";
    }

    @Override
    public String description() {
        return "the loss before the first update against ln C (softmax) or ln 2 (sigmoid), seed 002";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(FACTOR);
    }

    @Override
    public Sampling sampling(Parameters params) {
        return Sampling.atStart(View.ACTIVATIONS, View.PRE_ACTIVATIONS);
    }

    @Override
    public List<Metric> metrics() {
        return List.of(LOSS, EXPECTED);
    }

    @Override
    public void onTrainingStart(TrainingStartContext ctx) {
        factor = ctx.parameters().real(FACTOR.name());
    }

    @Override
    public void onForward(ForwardContext ctx) {
        if (done) {
            return;
        }
        done = true;
        if (ctx.iteration() != 0) {
            return;
        }
        double loss = ctx.loss();
        ctx.record(LOSS, loss);
        NetworkInfo network = ctx.network();
        double expected = expected(network.loss(), network.outputLayer().units());
        if (Double.isNaN(expected)) {
            return;
        }
        ctx.record(EXPECTED, expected);
        double ratio = loss / expected;
        if (ratio > factor || Double.isNaN(ratio)) {
            LayerInfo out = network.outputLayer();
            Statistics.Summary logits = ctx.stats().host(ctx.preActivations(out.index())).summary();
            ctx.finding(Pathology.BAD_INITIAL_LOSS, Severity.WARNING)
                    .layer(out.index())
                    .summary(String.format(Locale.ROOT, "The loss before training is %s times its expected value: the "
                            + "network starts out confidently wrong because its output logits are too large.",
                            Phrases.num(ratio)))
                    .evidence(String.format(Locale.ROOT, "initial loss %s vs expected %s for %s (iteration 0, batch of %d)",
                            Phrases.num(loss), Phrases.num(expected), expectation(network.loss(), out.units()),
                            ctx.batchSize()))
                    .evidence(String.format(Locale.ROOT, "output logits: std %s, range [%s, %s]; an unsure output needs "
                                    + "logits within about ±1", Phrases.num(logits.std()), Phrases.num(logits.min()),
                            Phrases.num(logits.max())))
                    .evidence("threshold: factor " + Phrases.num(factor))
                    .prescription("Scale down the output layer's initial weights (a factor of 0.01, or xavier-normal) "
                            + "and start its bias at 0 so the first predictions are near uniform; initialize the hidden "
                            + "layers to their width (xavier-normal for tanh and sigmoid, he-normal for relu) so the "
                            + "logits do not grow with depth.")
                    .report();
        }
    }

    /** The loss of an uninformed network for this loss and output width, or NaN when there is no such value. */
    static double expected(String loss, long units) {
        return switch (loss) {
            case "cross-entropy" -> Math.log(units);
            case "binary-cross-entropy" -> units * Math.log(2);
            default -> Double.NaN;
        };
    }

    private static String expectation(String loss, long units) {
        return loss.equals("cross-entropy")
                ? "ln " + units + ", a softmax over " + units + " classes with equal probabilities"
                : (units == 1 ? "ln 2, a sigmoid output of 0.5" : units + " x ln 2, sigmoid outputs of 0.5");
    }
}
