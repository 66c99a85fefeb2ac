package io.trainscope.core.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;

/** The config changes prescriptions are made of, with their paths. */
public final class Changes {

    /** The initializer of every layer. */
    public static final String INIT = "model.init";
    /** The hidden layers' activation. */
    public static final String ACTIVATION = "model.activation";
    /** Input and layer normalizers. */
    public static final String NORMALIZERS = "model.normalizers";
    /** The optimizer's learning rate. */
    public static final String LEARNING_RATE = "training.optimizer." + Vocabulary.LEARNING_RATE;

    private Changes() {
    }

    /** Use the initializer that suits the activation. */
    public static ConfigChange init(ActivationShape shape) {
        String name = shape.rightInitializer();
        String why = shape == ActivationShape.RELU_LIKE
                ? name + " draws weights with variance 2/fan-in, which keeps a relu-like layer's signal variance"
                : name + " draws weights with variance 2/(fan-in + fan-out) (Glorot), which keeps the variance of "
                        + "a layer that is linear near 0 forward and backward";
        return new ConfigChange(INIT, TextNode.valueOf(name), why);
    }

    /** Use another hidden activation. */
    public static ConfigChange activation(String name, String why) {
        return new ConfigChange(ACTIVATION, TextNode.valueOf(name), why);
    }

    /** Add a normalizer to the config's list: first for an input normalizer, last for a layer normalizer. */
    public static ConfigChange addNormalizer(ConfigSource source, String name, boolean first, String why) {
        JsonNode current = source.at(NORMALIZERS);
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        if (first) {
            list.add(name);
        }
        if (current.isArray()) {
            current.forEach(list::add);
        } else if (!current.isMissingNode() && !current.isNull()) {
            list.add(current);
        }
        if (!first) {
            list.add(name);
        }
        return new ConfigChange(NORMALIZERS, list, why);
    }

    /** Whether the config's normalizers already name {@code name}. */
    public static boolean hasNormalizer(ConfigSource source, String name) {
        JsonNode current = source.at(NORMALIZERS);
        for (JsonNode n : current.isArray() ? current : JsonNodeFactory.instance.arrayNode().add(current)) {
            if (name.equals(n.isTextual() ? n.asText() : n.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Set the learning rate to {@code rate} (rounded to 3 significant digits). */
    public static ConfigChange learningRate(double rate, String why) {
        double rounded = new BigDecimal(rate).round(new java.math.MathContext(3)).doubleValue();
        return new ConfigChange(LEARNING_RATE, DoubleNode.valueOf(rounded), why);
    }
}
