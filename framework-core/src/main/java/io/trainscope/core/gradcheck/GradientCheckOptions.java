package io.trainscope.core.gradcheck;

/**
 * How a gradient check runs.
 *
 * @param examples how many examples of the training split form the batch, from its start, >= 1
 * @param entries  how many entries of each parameter tensor are checked, >= 1: all of a smaller
 *                 tensor; of a larger one, the entry with the largest analytic gradient and a
 *                 seeded random sample of the others
 * @param seed     the seed of that sample (the network's weights come from the config's first seed)
 * @param epsilon  the step {@code h} of the central difference, in (0, 0.1]
 * @param rtol     the relative tolerance of the rule {@link TensorCheck} states, in (0, 1)
 */
public record GradientCheckOptions(int examples, int entries, long seed, double epsilon, double rtol) {

    /** Examples by default: enough to mix the classes, few enough that each difference quotient is cheap. */
    public static final int DEFAULT_EXAMPLES = 16;
    /** Entries per tensor by default. */
    public static final int DEFAULT_ENTRIES = 30;
    /** The step by default: the central difference's truncation error (h² f''' / 6) is about 1e-13. */
    public static final double DEFAULT_EPSILON = 1e-6;
    /** The relative tolerance by default. */
    public static final double DEFAULT_RTOL = 1e-5;

    /** The defaults, with sampling seed 1. */
    public static final GradientCheckOptions DEFAULTS = new GradientCheckOptions(DEFAULT_EXAMPLES, DEFAULT_ENTRIES, 1,
            DEFAULT_EPSILON, DEFAULT_RTOL);

    public GradientCheckOptions {
        if (examples < 1) {
            throw new IllegalArgumentException("examples must be at least 1, got " + examples);
        }
        if (entries < 1) {
            throw new IllegalArgumentException("entries must be at least 1, got " + entries);
        }
        if (!(epsilon > 0 && epsilon <= 0.1)) {
            throw new IllegalArgumentException("epsilon must be in (0, 0.1], got " + epsilon);
        }
        if (!(rtol > 0 && rtol < 1)) {
            throw new IllegalArgumentException("rtol must be in (0, 1), got " + rtol);
        }
    }

    /** A copy with another batch size. */
    public GradientCheckOptions withExamples(int n) {
        return new GradientCheckOptions(n, entries, seed, epsilon, rtol);
    }
}
