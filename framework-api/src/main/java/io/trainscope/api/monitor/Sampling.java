package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

import java.util.EnumSet;
import java.util.Set;

/**
 * When a monitor wants the per-iteration views and full passes over the training set. A monitor
 * returns it from {@link Monitor#sampling(io.trainscope.api.plugin.Parameters)}, a function of its
 * parameters alone: the core computes it once, when the config is resolved, and knows every
 * monitor's schedule before training starts. Most monitors build it from their
 * {@link SamplingParameters}.
 *
 * <h2>Which iterations</h2>
 * Iterations are counted from 0 over the whole run. A monitor that asks for views gets them on
 * <ul>
 *   <li>iteration 0 (the initial weights), always;</li>
 *   <li>every iteration that is a multiple of {@code everyIterations}, when it is above 0;</li>
 *   <li>the first iteration of every {@code everyEpochs}-th epoch (epochs 0, k, 2k, ...), when it is above 0;</li>
 *   <li>with {@code whenLossNotFinite}, any iteration whose loss is NaN or infinite (the core
 *       checks the loss of every iteration for free); such an unplanned iteration delivers
 *       {@link View#ACTIVATIONS}, {@link View#GRADIENTS} and {@link View#UPDATES}, never
 *       {@link View#PRE_ACTIVATIONS} or {@link View#PRE_ACTIVATION_GRADIENTS}, which must be captured
 *       during the forward and backward passes.</li>
 * </ul>
 * {@link MonitorContext#requestViews} adds views for the next iteration on top of this (on demand).
 *
 * <h2>Full passes</h2>
 * With {@code datasetPassEveryEpochs} k above 0: one inference pass over the training set at
 * training start and after every k-th epoch; one pass serves every monitor that asked for one.
 *
 * <pre>{@code
 * Sampling.every(10, View.GRADIENTS)                       // iterations 0, 10, 20, ...
 * Sampling.atStart(View.ACTIVATIONS).withEveryEpochs(1)    // iteration 0 and the first of every epoch
 * Sampling.none().withDatasetPass(1)                       // full pass at start and after every epoch
 * }</pre>
 *
 * @param views                  the views wanted on sampled iterations; empty: no iteration is sampled
 * @param everyIterations        also sample multiples of this; 0: none
 * @param everyEpochs            also sample the first iteration of every k-th epoch; 0: none
 * @param whenLossNotFinite      also deliver the views of any iteration whose loss is not finite
 * @param datasetPassEveryEpochs a full pass at training start and after every k-th epoch; 0: never
 */
@StableApi(since = "0.1")
public record Sampling(Set<View> views, int everyIterations, int everyEpochs, boolean whenLossNotFinite,
                       int datasetPassEveryEpochs) {

    /** The views an unplanned iteration (a non-finite loss) can deliver: DL4J's own arrays. */
    public static final Set<View> UNPLANNED_VIEWS = Set.of(View.ACTIVATIONS, View.GRADIENTS, View.UPDATES);

    public Sampling {
        if (everyIterations < 0 || everyEpochs < 0 || datasetPassEveryEpochs < 0) {
            throw new IllegalArgumentException("sampling intervals must be >= 0, got every " + everyIterations
                    + " iterations, every " + everyEpochs + " epochs, a pass every " + datasetPassEveryEpochs + " epochs");
        }
        views = views.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(views));
    }

    /** No views and no full passes: only the training and epoch callbacks run. */
    public static Sampling none() {
        return new Sampling(Set.of(), 0, 0, false, 0);
    }

    /** The given views on iteration 0 only. */
    public static Sampling atStart(View... views) {
        return new Sampling(Set.of(views), 0, 0, false, 0);
    }

    /** The given views on iteration 0 and every {@code n}-th iteration ({@code n} 0: iteration 0 only). */
    public static Sampling every(int n, View... views) {
        return new Sampling(Set.of(views), n, 0, false, 0);
    }

    /** A copy that also samples the first iteration of every {@code k}-th epoch (0: none). */
    public Sampling withEveryEpochs(int k) {
        return new Sampling(views, everyIterations, k, whenLossNotFinite, datasetPassEveryEpochs);
    }

    /** A copy that also gets the views of any iteration whose loss is NaN or infinite. */
    public Sampling alsoWhenLossNotFinite() {
        return new Sampling(views, everyIterations, everyEpochs, true, datasetPassEveryEpochs);
    }

    /** A copy that also asks for a full training-set pass at start and after every {@code k}-th epoch (0: never). */
    public Sampling withDatasetPass(int k) {
        return new Sampling(views, everyIterations, everyEpochs, whenLossNotFinite, k);
    }

    /**
     * Whether the planned schedule samples {@code iteration}.
     *
     * @param epoch        the epoch the iteration belongs to
     * @param firstOfEpoch whether it is the first iteration of that epoch
     */
    public boolean samples(long iteration, int epoch, boolean firstOfEpoch) {
        if (views.isEmpty()) {
            return false;
        }
        return iteration == 0
                || (everyIterations > 0 && iteration % everyIterations == 0)
                || (everyEpochs > 0 && firstOfEpoch && epoch % everyEpochs == 0);
    }

    /** Whether a full pass is wanted at training start. */
    public boolean wantsDatasetPass() {
        return datasetPassEveryEpochs > 0;
    }

    /** Whether a full pass is wanted after epoch {@code epoch} (0-based) ends. */
    public boolean wantsDatasetPassAfterEpoch(int epoch) {
        return datasetPassEveryEpochs > 0 && (epoch + 1) % datasetPassEveryEpochs == 0;
    }
}
