package io.trainscope.plugins.normalization;

import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.normalization.Placement;
import io.trainscope.api.plugin.ParameterSpec;
import io.trainscope.api.plugin.Parameters;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.ElementWiseMultiplicationLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

import java.util.List;

/**
 * Inserts one layer normalization into every hidden layer ({@code layernorm}, Ba, Kiros and
 * Hinton 2016): each example's values are normalized over the layer's units,
 * {@code y = g · (x - μ) / sqrt(σ² + eps) + b} with μ and σ² the mean and population variance of
 * that example's {@code units} values, and a learnable gain g (starting at 1) and bias b (starting
 * at 0) per unit. Unlike batch normalization it needs no batch statistics, so training and
 * inference compute the same thing and a batch of one is fine.
 *
 * <p>{@code placement} puts it before the activation (on the pre-activations, as the paper does) or
 * after it. It is two DL4J layers: an {@code ActivationLayer} with {@link RowNormalization} (the
 * normalization and its exact gradient) and an {@code ElementWiseMultiplicationLayer} (y·g + b,
 * g from ones, b from zeros). A SameDiff layer was the first choice; DL4J 1.0.0-M2.1's
 * {@code SameDiffLayer} returns twice the gradient of even {@code x·g + b}, which DL4J's gradient
 * check catches.
 */
public final class LayerNormNormalizer implements Normalizer {

    static final ParameterSpec EPS = ParameterSpec.real("eps", 1e-5,
            "added to each example's variance before the square root").greaterThan(0);

    @Override
    public String name() {
        return "layernorm";
    }

    @Override
    public String description() {
        return "layer normalization in every hidden layer, over each example's units (before or after the activation)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(Placements.PLACEMENT, EPS);
    }

    @Override
    public List<Layer> hiddenLayers(int units, Parameters params) {
        return List.of(new ActivationLayer.Builder().activation(new RowNormalization(params.real(EPS.name()))).build(),
                new ElementWiseMultiplicationLayer.Builder().nIn(units).nOut(units).activation(Activation.IDENTITY)
                        .weightInit(WeightInit.ONES).build());
    }

    @Override
    public Placement placement(Parameters params) {
        return Placements.of(params);
    }
}
