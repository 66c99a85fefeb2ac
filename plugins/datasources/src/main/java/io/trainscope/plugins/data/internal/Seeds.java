package io.trainscope.plugins.data.internal;

import io.trainscope.api.data.DataContext;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;

/** The {@code seed} parameter the generators share: -1 means the run's data seed. */
public final class Seeds {

    /** The value of {@code seed} that means "use {@link DataContext#seed()}". */
    public static final long RUN_SEED = -1;

    /** The declaration every generator uses. */
    public static final ParameterSpec SPEC = ParameterSpec.integer("seed", RUN_SEED,
            "seed of this data set; -1 uses the run's data seed").atLeast(RUN_SEED);

    private Seeds() {
    }

    /**
     * The seed to draw from: the explicit {@code seed} parameter, or the run's data seed when it
     * is -1. Read as a long: seeds may exceed the range of {@code int}.
     *
     * @throws IllegalArgumentException when the plugin does not declare {@link #SPEC}
     */
    public static long resolve(Parameters params, DataContext context) {
        long seed = params.longInteger(SPEC.name());
        return seed == RUN_SEED ? context.seed() : seed;
    }
}
