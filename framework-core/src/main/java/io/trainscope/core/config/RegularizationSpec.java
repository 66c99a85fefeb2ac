package io.trainscope.core.config;

import java.util.List;
import java.util.Set;

/**
 * Regularization of the training step: weight decay and gradient clipping
 * ({@code training.weight-decay}, {@code training.gradient-clipping}). Dropout is a layer's
 * setting ({@code model.dropout}, {@code model.layers[i].dropout}).
 *
 * @param weightDecay how weights are pulled towards zero, or null for not at all
 * @param clipping    how large gradients are cut, or null for not at all
 */
public record RegularizationSpec(WeightDecay weightDecay, Clipping clipping) {

    /** No weight decay, no clipping. */
    public static final RegularizationSpec NONE = new RegularizationSpec(null, null);

    /** The kinds of weight decay. */
    public static final List<String> DECAY_TYPES = List.of("l2", "decoupled");
    /** The kinds of gradient clipping. */
    public static final List<String> CLIPPING_TYPES = List.of("norm", "value");

    private static final Set<String> DECAY_KEYS = Set.of("type", "value");
    private static final Set<String> CLIPPING_KEYS = Set.of("type", "threshold");

    /**
     * Weight decay of the weights (not the biases).
     *
     * @param type  {@code l2}: λ·w added to the gradient of the loss before the optimizer sees it
     *              (PyTorch's {@code weight_decay} of SGD and Adam; through Adam it is rescaled
     *              like the gradient); {@code decoupled}: w decreased by learning rate · λ · w
     *              after the optimizer's step (AdamW, Loshchilov and Hutter)
     * @param value λ, > 0
     */
    public record WeightDecay(String type, double value) {
        public WeightDecay {
            ConfigRules.oneOf("training.weight-decay.type", type, DECAY_TYPES, false);
            positive("training.weight-decay.value", value);
        }
    }

    /**
     * Gradient clipping, applied to the gradient of the mean batch loss of each layer before the
     * optimizer sees it.
     *
     * @param type      {@code norm}: a layer's gradient (weights and bias together) whose L2 norm
     *                  exceeds the threshold is scaled down to it; {@code value}: every element is
     *                  clipped to [-threshold, threshold]
     * @param threshold > 0
     */
    public record Clipping(String type, double threshold) {
        public Clipping {
            ConfigRules.oneOf("training.gradient-clipping.type", type, CLIPPING_TYPES, false);
            positive("training.gradient-clipping.threshold", threshold);
        }
    }

    private static void positive(String path, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigException(path, "must be a number > 0, got " + value);
        }
    }

    /** Reads both keys from a {@code training} section. */
    static RegularizationSpec parse(ConfigNode training) {
        WeightDecay decay = null;
        ConfigNode d = training.get("weight-decay");
        if (!d.isMissing()) {
            map(d, "{type: l2, value: 0.0001} or {type: decoupled, value: 0.0001}").requireObject(DECAY_KEYS);
            required(d, "value");
            decay = new WeightDecay(type(d, DECAY_TYPES), d.positive("value", 0));
        }
        Clipping clipping = null;
        ConfigNode c = training.get("gradient-clipping");
        if (!c.isMissing()) {
            map(c, "{type: norm, threshold: 1.0} or {type: value, threshold: 0.5}").requireObject(CLIPPING_KEYS);
            required(c, "threshold");
            clipping = new Clipping(type(c, CLIPPING_TYPES), c.positive("threshold", 0));
        }
        return new RegularizationSpec(decay, clipping);
    }

    private static ConfigNode map(ConfigNode n, String example) {
        if (!n.isObject()) {
            throw new ConfigException(n.path(), "must be a map like " + example + ", got " + n.describe());
        }
        return n;
    }

    private static void required(ConfigNode n, String key) {
        if (!n.has(key)) {
            throw new ConfigException(n.child(key), "missing: a number > 0");
        }
    }

    private static String type(ConfigNode n, List<String> allowed) {
        return ConfigRules.oneOf(n.child("type"), n.text("type", allowed.get(0)), allowed, false);
    }
}
