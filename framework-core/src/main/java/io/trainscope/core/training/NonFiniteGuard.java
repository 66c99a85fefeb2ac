package io.trainscope.core.training;

import io.trainscope.api.monitor.Finding;
import io.trainscope.api.monitor.Pathology;
import io.trainscope.api.monitor.Severity;
import io.trainscope.core.checkpoint.FiniteValues;
import io.trainscope.core.config.FaultSpec.NonFinite;
import io.trainscope.core.model.NetworkLayout;
import io.trainscope.core.monitor.StopSignal;
import io.trainscope.core.run.FindingLog;
import io.trainscope.core.run.RunMetadata;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code training.on-non-finite}: after every iteration's step, checks that the loss and every
 * parameter are finite, and at the first iteration where one is not applies the run's policy:
 * <ul>
 *   <li>{@code stop}: reports a critical finding naming the iteration, the quantity (loss, weights)
 *       and the first layer whose weights went non-finite, and stops the run as failed; the loop
 *       writes no checkpoint after it, so the newest one on disk holds the last finite parameters;
 *   <li>{@code skip-batch}: puts back the parameters and the optimizer state saved before the step
 *       (every iteration, into reused arrays) and goes on with the next batch; the first skip is a
 *       warning finding, each one is logged, and their number goes to {@code run.json}
 *       ({@code skipped_batches});
 *   <li>{@code continue}: reports the finding once and checks no more.
 * </ul>
 * When a monitor already reported a {@link Pathology#NON_FINITE} finding (the
 * {@code non-finite} monitor names the activations and gradients, which the guard does not see),
 * the guard adds none of its own; a stop that monitor asked for with its finding gives way to a
 * {@code skip-batch} or {@code continue} policy.
 *
 * <p>Cost per iteration: the loss is DL4J's score (free) and the parameters are scanned in their
 * native memory from the Java side (no native op); {@code skip-batch} adds two array copies.
 */
final class NonFiniteGuard {

    /** The name the guard's findings and stop requests carry: the trainer's. */
    static final String SOURCE = TrainerMetrics.SOURCE;

    private static final Logger log = LoggerFactory.getLogger(NonFiniteGuard.class);

    private final NonFinite policy;
    private final MultiLayerNetwork net;
    private final NetworkLayout layout;
    private final FindingLog findings;
    private final StopSignal stop;
    private final RunMetadata metadata;
    private final FiniteValues finite = new FiniteValues();
    private INDArray paramsBefore;
    private INDArray updaterBefore;
    private boolean reported;
    private long skipped;

    NonFiniteGuard(NonFinite policy, MultiLayerNetwork net, NetworkLayout layout, FindingLog findings, StopSignal stop,
                   RunMetadata metadata) {
        this.policy = policy;
        this.net = net;
        this.layout = layout;
        this.findings = findings;
        this.stop = stop;
        this.metadata = metadata;
    }

    /** Before an iteration's step: under {@code skip-batch}, saves the parameters and optimizer state. */
    void beforeStep() {
        if (policy != NonFinite.SKIP_BATCH) {
            return;
        }
        paramsBefore = copy(net.params(), paramsBefore);
        Updater updater = net.getUpdater();
        updaterBefore = copy(updater == null ? null : updater.getStateViewArray(), updaterBefore);
    }

    /**
     * After the step of {@code iteration}, whose loss was {@code loss}: whether to keep it (true),
     * or it was undone ({@code skip-batch}; false).
     */
    boolean afterStep(long iteration, int epoch, double loss) {
        if (reported && policy == NonFinite.CONTINUE) {
            return true;
        }
        if (Double.isFinite(loss) && finite.all(net.params())) {
            return true;
        }
        List<String> layers = nonFiniteLayers();
        report(iteration, epoch, loss, layers);
        if (policy == NonFinite.STOP) {
            stop.requestFailure(SOURCE, "non-finite " + quantity(loss, layers) + " at iteration " + iteration
                    + " (training.on-non-finite: stop)");
            return true;
        }
        giveWayToPolicy(iteration);
        if (policy == NonFinite.SKIP_BATCH) {
            undo(iteration);
            return false;
        }
        return true;
    }

    /** Batches skipped so far. */
    long skipped() {
        return skipped;
    }

    private void undo(long iteration) {
        net.params().assign(paramsBefore);
        if (updaterBefore != null) {
            net.getUpdater().getStateViewArray().assign(updaterBefore);
        }
        skipped++;
        metadata.put("skipped_batches", skipped);
        log.warn("iteration {}: non-finite values after the step; the step was undone and its batch skipped "
                + "(training.on-non-finite: skip-batch, {} skipped so far)", iteration, skipped);
    }

    /** A monitor's stop request that came with its non-finite finding gives way to skip-batch or continue. */
    private void giveWayToPolicy(long iteration) {
        String by = stop.requested() && !stop.failure() ? stop.requestedBy() : null;
        if (by != null && monitorReported(iteration, by)) {
            stop.withdraw(by);
            log.info("monitor '{}' asked to stop at iteration {}; training.on-non-finite: {} goes on", by, iteration,
                    policy.key());
        }
    }

    private void report(long iteration, int epoch, double loss, List<String> layers) {
        if (reported || monitorReported(-1, null)) {
            reported = true;
            return;
        }
        reported = true;
        Severity severity = policy == NonFinite.SKIP_BATCH ? Severity.WARNING : Severity.CRITICAL;
        Finding.Builder f = new Finding.Builder(SOURCE, Pathology.NON_FINITE, severity, iteration, epoch, findings)
                .summary("Non-finite " + quantity(loss, layers) + " at iteration " + iteration + ": training diverged.")
                .evidence(String.format(Locale.ROOT, "loss %s at iteration %d (epoch %d)", loss, iteration, epoch))
                .prescription("Lower the learning rate (try a tenth), scale the initialization to the layer width, "
                        + "standardize the inputs, or add a normalization layer.");
        if (!layers.isEmpty()) {
            f.evidence("non-finite weights after the step in: " + String.join(", ", layers));
            f.layer(layout.names().indexOf(layers.get(0)));
        }
        f.evidence(switch (policy) {
            case STOP -> "training.on-non-finite: stop: the run stops; no checkpoint is written after this iteration";
            case SKIP_BATCH -> "training.on-non-finite: skip-batch: the step was undone and its batch skipped";
            case CONTINUE -> "training.on-non-finite: continue: training goes on; no checkpoint will hold these values";
        }).report();
    }

    private static String quantity(double loss, List<String> layers) {
        String weights = layers.isEmpty() ? "weights" : "weights in layer " + layers.get(0);
        if (Double.isFinite(loss)) {
            return weights;
        }
        return "loss (" + loss + ")" + (layers.isEmpty() ? "" : " and " + weights);
    }

    /**
     * Whether a NON_FINITE finding was reported at this iteration (at any, when {@code iteration} is
     * -1), by {@code monitor} (by anyone when null).
     */
    private boolean monitorReported(long iteration, String monitor) {
        return findings.all().stream().anyMatch(f -> f.pathology().equals(Pathology.NON_FINITE)
                && (iteration < 0 || f.iteration() == iteration) && (monitor == null || f.monitor().equals(monitor)));
    }

    /** The logical layers, in order, any of whose DL4J layers holds a non-finite parameter. */
    private List<String> nonFiniteLayers() {
        List<String> names = layout.names();
        int[] dense = layout.dense();
        List<String> out = new ArrayList<>();
        for (int l = 0; l < dense.length; l++) {
            int end = l + 1 < dense.length ? dense[l + 1] : net.getnLayers();
            for (int i = dense[l]; i < end; i++) {
                if (!finite.all(net.getLayer(i).params())) {
                    out.add(names.get(l));
                    break;
                }
            }
        }
        return out;
    }

    private static INDArray copy(INDArray from, INDArray into) {
        if (from == null) {
            return null;
        }
        if (into == null || into.length() != from.length()) {
            return from.dup();
        }
        return into.assign(from);
    }
}
