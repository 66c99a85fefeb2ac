package io.trainscope.core.diagnosis;

import java.util.List;
import java.util.Map;

/**
 * The one place where the diagnosis names standard plugins: the monitors its probe runs, the
 * metrics it reads from them, and the plugins its prescriptions name. A test checks that each
 * exists in the registry, so a renamed plugin fails the build rather than a diagnosis.
 */
public final class Vocabulary {

    /** Monitor names. */
    public static final String GRADIENT_NORMS = "gradient-norms";
    public static final String SATURATION = "saturation";
    public static final String VARIANCE_FLOW = "variance-flow";
    public static final String INITIAL_LOSS = "initial-loss";
    public static final String SYMMETRY = "symmetry";
    public static final String DEAD_NEURONS = "dead-neurons";
    public static final String UPDATE_RATIO = "update-ratio";
    public static final String NON_FINITE = "non-finite";

    /** Metric names the rules read. */
    public static final String GRADIENT_NORM = "layer.gradient.norm";
    public static final String GRADIENT_RATIO = "gradient.norm.ratio";
    public static final String SATURATION_PERCENT = "layer.saturation.percent";
    public static final String SATURATED_UNITS = "layer.saturated.units";
    public static final String ACTIVATION_STD = "layer.activation.std";
    public static final String FORWARD_PRODUCT = "network.forward.variance.product";
    public static final String BACKWARD_PRODUCT = "network.backward.variance.product";
    public static final String LOSS_AT_START = "initial.loss";
    public static final String LOSS_EXPECTED = "initial.loss.expected";
    public static final String SYMMETRIC_UNITS = "layer.symmetric.units";
    public static final String DEAD_PERCENT = "layer.dead.percent";
    public static final String UPDATE_RATIO_METRIC = "layer.update.ratio";
    public static final String NON_FINITE_FOUND = "non-finite.found";

    /** Plugins prescriptions name. */
    public static final String HE_NORMAL = "he-normal";
    public static final String XAVIER_NORMAL = "xavier-normal";
    public static final String LEAKY_RELU = "leaky-relu";
    public static final String BATCHNORM = "batchnorm";
    public static final String STANDARDIZE = "standardize";

    /** The optimizer parameter a learning-rate prescription sets. */
    public static final String LEARNING_RATE = "learning-rate";

    private Vocabulary() {
    }

    /**
     * The monitors of a probe with their parameters: every view on every iteration, the symmetry
     * check at the start only, and no stop on non-finite values (the probe ends by itself and the
     * rules want to see what came before).
     */
    public static List<Map<String, Object>> probeMonitors() {
        return List.of(
                Map.of("name", GRADIENT_NORMS, "every", 1),
                Map.of("name", SATURATION, "every", 1),
                Map.of("name", VARIANCE_FLOW, "every", 1),
                Map.of("name", INITIAL_LOSS),
                Map.of("name", SYMMETRY, "every", 0),
                Map.of("name", DEAD_NEURONS, "every-epochs", 1),
                Map.of("name", UPDATE_RATIO, "every", 1),
                Map.of("name", NON_FINITE, "every", 1, "stop", false));
    }

    /** Every plugin name this class uses, by family ({@code monitor}, {@code initializer}, ...). */
    public static Map<String, List<String>> pluginNames() {
        return Map.of(
                "monitor", List.of(GRADIENT_NORMS, SATURATION, VARIANCE_FLOW, INITIAL_LOSS, SYMMETRY, DEAD_NEURONS,
                        UPDATE_RATIO, NON_FINITE),
                "initializer", List.of(HE_NORMAL, XAVIER_NORMAL),
                "activation", List.of(LEAKY_RELU),
                "normalizer", List.of(BATCHNORM, STANDARDIZE));
    }
}
