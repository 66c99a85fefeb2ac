package io.trainscope.core.model;

import io.trainscope.api.data.Task;
import io.trainscope.core.config.ConfigException;
import io.trainscope.core.config.OutputSpec;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The resolved output layer: activation, loss, width and how targets are encoded for it.
 *
 * @param activation the output activation's config name
 * @param loss       the loss's config name
 * @param units      the number of output units
 * @param encoding   how class indices or values become label arrays
 * @param task       the data's task
 */
public record OutputHead(String activation, String loss, int units, TargetEncoding encoding, Task task) {

    /** How targets are turned into the label arrays the loss expects. */
    public enum TargetEncoding {
        /** Class index to a one-hot row of {@code classes} columns. */
        ONE_HOT,
        /** Class index 0/1 kept as one column (binary classification with one sigmoid unit). */
        BINARY,
        /** Regression values as they are. */
        VALUES
    }

    /**
     * Derives the output layer from the config and the task: defaults are softmax + cross-entropy
     * for classification and identity + mse for regression; inconsistent combinations fail with a
     * message under {@code model.output}.
     */
    public static OutputHead resolve(OutputSpec spec, Task task) {
        if (task instanceof Task.Classification c) {
            String activation = spec.activation() != null ? spec.activation()
                    : "binary-cross-entropy".equals(spec.loss()) ? "sigmoid" : "softmax";
            String loss = spec.loss() != null ? spec.loss() : switch (activation) {
                case "sigmoid" -> "binary-cross-entropy";
                case "identity" -> "mse";
                default -> "cross-entropy";
            };
            check(activation, loss);
            if (activation.equals("sigmoid") && c.classes() == 2) {
                return new OutputHead(activation, loss, 1, TargetEncoding.BINARY, task);
            }
            return new OutputHead(activation, loss, c.classes(), TargetEncoding.ONE_HOT, task);
        }
        String activation = spec.activation() != null ? spec.activation() : "identity";
        String loss = spec.loss() != null ? spec.loss() : "mse";
        if (loss.contains("cross-entropy")) {
            throw new ConfigException("model.output.loss", loss + " needs class labels, but the data is a regression "
                    + "task; use mse or mae");
        }
        check(activation, loss);
        return new OutputHead(activation, loss, task.outputs(), TargetEncoding.VALUES, task);
    }

    private static void check(String activation, String loss) {
        if (loss.equals("cross-entropy") && !activation.equals("softmax")) {
            throw new ConfigException("model.output", "cross-entropy needs a softmax output, got " + activation
                    + "; use 'activation: softmax', or 'binary-cross-entropy' with sigmoid");
        }
        if (loss.equals("binary-cross-entropy") && !activation.equals("sigmoid")) {
            throw new ConfigException("model.output", "binary-cross-entropy needs a sigmoid output, got " + activation
                    + "; use 'activation: sigmoid', or 'cross-entropy' with softmax");
        }
    }

    /** Whether this is a classification head. */
    public boolean classification() {
        return task instanceof Task.Classification;
    }

    /** DL4J's activation for the output layer. */
    public Activation dl4jActivation() {
        return switch (activation) {
            case "softmax" -> Activation.SOFTMAX;
            case "sigmoid" -> Activation.SIGMOID;
            default -> Activation.IDENTITY;
        };
    }

    /** DL4J's loss function. */
    public LossFunctions.LossFunction dl4jLoss() {
        return switch (loss) {
            case "cross-entropy" -> LossFunctions.LossFunction.MCXENT;
            case "binary-cross-entropy" -> LossFunctions.LossFunction.XENT;
            case "mae" -> LossFunctions.LossFunction.L1;
            default -> LossFunctions.LossFunction.MSE;
        };
    }
}
