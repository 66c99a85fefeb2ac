package io.trainscope.core.training.optim;

import io.trainscope.core.config.RegularizationSpec;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;

/**
 * Puts {@code training.weight-decay} and {@code training.gradient-clipping} into a DL4J network
 * configuration, where DL4J's updater applies them to every layer with parameters:
 *
 * <ul>
 *   <li>{@code l2}: DL4J's {@code L2Regularization}, applied before the updater: the gradient of
 *       the mean batch loss gets λ·W added (the loss gets λ/2·|W|²);</li>
 *   <li>{@code decoupled}: DL4J's {@code WeightDecay} with the learning rate applied, after the
 *       updater: the step gets lr·λ·W added, so W ← W - step - lr·λ·W (AdamW);</li>
 *   <li>{@code norm}: {@code GradientNormalization.ClipL2PerLayer}: a DL4J layer whose gradient
 *       (all its parameters) has an L2 norm above the threshold is scaled down to it. This is per
 *       layer, not PyTorch's {@code clip_grad_norm_} over the whole network;</li>
 *   <li>{@code value}: {@code GradientNormalization.ClipElementWiseAbsoluteValue}.</li>
 * </ul>
 *
 * <p>Weight decay covers weights only, not biases (DL4J keeps bias regularization apart). DL4J
 * clips after dividing the gradient by the batch size and before adding L2.
 */
public final class Regularizers {

    private Regularizers() {
    }

    /** Gives the layer {@code builder} builds the weight decay of {@code spec}. */
    public static void onLayer(BaseLayer.Builder<?> builder, RegularizationSpec spec) {
        RegularizationSpec.WeightDecay decay = spec.weightDecay();
        if (decay != null) {
            if (decay.type().equals("l2")) {
                builder.l2(decay.value());
            } else {
                builder.weightDecay(decay.value(), true);
            }
        }
    }

    /**
     * Configures the network-wide {@code builder} (before its {@code list()}) for the clipping of
     * {@code spec}. Weight decay goes on each layer ({@link #onLayer}): set on the network, DL4J
     * 1.0.0-M2.1 gives every layer its {@code WeightDecay} twice (its layer validation runs twice
     * and adds any regularization but L1 and L2 again), which decays at twice the rate.
     */
    public static NeuralNetConfiguration.Builder apply(NeuralNetConfiguration.Builder builder, RegularizationSpec spec) {
        RegularizationSpec.Clipping clipping = spec.clipping();
        if (clipping != null) {
            builder.gradientNormalization(clipping.type().equals("norm") ? GradientNormalization.ClipL2PerLayer
                    : GradientNormalization.ClipElementWiseAbsoluteValue)
                    .gradientNormalizationThreshold(clipping.threshold());
        }
        return builder;
    }
}
