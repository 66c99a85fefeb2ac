package io.trainscope.core.gradcheck;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.Trainscope;
import io.trainscope.core.config.ConfigLoader;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.plugin.Configured;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gradient check of one activation plugin inside a small network, for the plugin's own tests:
 * a 4-6-5-3 softmax network on iris whose two hidden layers use the activation (a learnable
 * slope, batchnorm, anything the plugin declares, through trainscope's adapters as in training),
 * checked by {@link GradientCheck} with its defaults. Where the testkit's
 * {@code ActivationChecks.assertDerivativeMatchesCentralDifference} checks the plugin's
 * {@code derivative} and {@code backprop} against its {@code apply} point by point, this checks
 * what a network computes with them: every parameter's gradient against the loss.
 *
 * <pre>{@code
 * @Test
 * void backpropagationThroughItMatchesCentralDifferences() {
 *     ActivationNetworkCheck.assertGradientsMatch(new Softsign());
 * }
 * }</pre>
 *
 * <p>Like the testkit's checks, {@code assert...} throws an {@link AssertionError} listing what is
 * wrong and {@link #mismatches} returns the same sentences. It needs framework-core on the test
 * class path (with test scope; it brings the standard plugins the network uses). It makes float64
 * ND4J's default during the check and restores the previous defaults.
 */
public final class ActivationNetworkCheck {

    private static final String NETWORK = """
            name: activation-check
            data: {source: iris}
            model: {hidden: [6, 5], activation: identity, init: xavier-normal}
            training: {seed: 7}
            """;

    private static Trainscope trainscope;

    private ActivationNetworkCheck() {
    }

    /** The report of the check of {@code activation} with {@code params}. */
    public static GradientCheckReport check(Activation activation, Parameters params) {
        Trainscope t = trainscope();
        ResolvedExperiment base = t.resolve(new ConfigLoader().parse(NETWORK, "activation-check", "activation check",
                Path.of("")));
        ResolvedExperiment experiment = new ResolvedExperiment(base.spec(), base.dataSource(),
                new Configured<>(activation, params), base.init(), base.normalizers(), base.optimizer(),
                base.optimizerParams(), base.schedule(), base.scheduleParams(), base.monitors());
        return t.get(GradientCheck.class).run(experiment, GradientCheckOptions.DEFAULTS);
    }

    /** One sentence per tensor whose gradient disagrees; empty when all agree. */
    public static List<String> mismatches(Activation activation, Parameters params) {
        GradientCheckReport report = check(activation, params);
        List<String> found = new ArrayList<>();
        for (TensorCheck t : report.failing()) {
            String who = String.format(Locale.ROOT, "'%s' (%s) in a 4-6-5-3 network on iris: ", activation.name(),
                    activation.getClass().getName());
            found.add(who + (t.failing() == 0 ? "the float32 network's gradient of " + t.name() + " is not finite"
                    : String.format(Locale.ROOT, "the gradient of %s disagrees with the central difference of the loss "
                    + "at %d of %d entries (max |diff| %.3g, max |numeric| %.3g)", t.name(), t.failing(), t.checked(),
                    t.maxAbs(), t.scale())));
        }
        return List.copyOf(found);
    }

    /** Asserts that {@link #mismatches} finds nothing. */
    public static void assertGradientsMatch(Activation activation, Parameters params) {
        List<String> found = mismatches(activation, params);
        if (!found.isEmpty()) {
            throw new AssertionError(String.join(System.lineSeparator(), found));
        }
    }

    /** As {@link #assertGradientsMatch(Activation, Parameters)} with the activation's default parameters. */
    public static void assertGradientsMatch(Activation activation) {
        assertGradientsMatch(activation, Parameters.defaults(activation));
    }

    private static synchronized Trainscope trainscope() {
        if (trainscope == null) {
            trainscope = Trainscope.create();
        }
        return trainscope;
    }
}
