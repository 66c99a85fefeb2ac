package io.trainscope.core.gradcheck;

import java.util.List;

/**
 * The outcome of a gradient check: one {@link TensorCheck} per trained parameter tensor.
 *
 * @param name     the experiment's name
 * @param seed     the network's seed (the config's first)
 * @param examples how many training examples formed the batch
 * @param options  how the check ran
 * @param loss     the mean loss of the batch at the initial weights, in float64 (without probability clipping)
 * @param floor    the rounding floor of the difference quotient ({@link TensorCheck#floor})
 * @param changes  what was turned off for the check ({@link CheckableExperiment}), one phrase each
 * @param tensors  the tensors, in the network's order; empty when the loss is not finite
 */
public record GradientCheckReport(String name, long seed, int examples, GradientCheckOptions options, double loss,
                                  double floor, List<String> changes, List<TensorCheck> tensors) {

    public GradientCheckReport {
        changes = List.copyOf(changes);
        tensors = List.copyOf(tensors);
    }

    /**
     * Whether the loss at the initial weights is finite in float64, so that gradients could be
     * compared. A network whose outputs overflow (N(0, 1) weights in a deep relu network: the
     * logits reach the thousands and a softmax probability underflows to 0) has none to compare,
     * and {@link #tensors} is empty.
     */
    public boolean checkable() {
        return Double.isFinite(loss);
    }

    /** Whether the loss is finite and every tensor agrees. */
    public boolean passed() {
        return checkable() && tensors.stream().allMatch(TensorCheck::agrees);
    }

    /** The share of entries that must be rough for a failed check to be inconclusive. */
    public static final double INCONCLUSIVE_SHARE = 0.5;

    /**
     * Whether the check failed mostly where difference quotients cannot judge: at least half
     * ({@value #INCONCLUSIVE_SHARE}) of the failing entries are rough ({@link TensorCheck#rough}),
     * and float32 stays finite.
     */
    public boolean inconclusive() {
        long failingEntries = failing().stream().mapToLong(TensorCheck::failing).sum();
        return checkable() && !passed() && failing().stream().allMatch(TensorCheck::float32Finite)
                && roughEntries() >= INCONCLUSIVE_SHARE * failingEntries;
    }

    /** How many failing entries are rough. */
    public long roughEntries() {
        return failing().stream().mapToLong(TensorCheck::rough).sum();
    }

    /** The tensors that do not agree. */
    public List<TensorCheck> failing() {
        return tensors.stream().filter(t -> !t.agrees()).toList();
    }

    /** The tensor named {@code name} ({@code hidden-0 W}). */
    public TensorCheck tensor(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tensor " + name + "; the tensors are "
                        + tensors.stream().map(TensorCheck::name).toList()));
    }

    /** How many entries were checked, over all tensors. */
    public long checkedEntries() {
        return tensors.stream().mapToLong(TensorCheck::checked).sum();
    }

    /** How many entries the tensors hold. */
    public long totalEntries() {
        return tensors.stream().mapToLong(TensorCheck::size).sum();
    }
}
