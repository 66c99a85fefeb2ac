package io.trainscope.core.model;

import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.activation.LearnableSlope;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.normalization.Placement;
import io.trainscope.core.config.RegularizationSpec;
import io.trainscope.core.config.ResolvedLayer;
import io.trainscope.core.model.NetworkBuilder.DenseImplementation;
import io.trainscope.core.plugin.Configured;
import io.trainscope.core.training.optim.Regularizers;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Appends the DL4J layers of each logical hidden layer to a network configuration: a dense layer,
 * the normalizer's layers, and the activation, which sits on the dense layer itself unless it must
 * be a layer of its own (after normalization placed before it, or a learnable slope, realised as a
 * {@link SlopeLayer}). Each layer takes its own settings ({@link ResolvedLayer}: activation,
 * initializer, bias, normalizer); a layer's dropout is applied to the input of the next layer with
 * weights ({@link Dropouts}). Monitors see one logical layer whatever the DL4J layers are:
 *
 * <pre>
 * fixed activation, no normalization or after it:   dense(f) [-> norm...]
 * fixed activation, normalization before it:         dense(identity) -> norm... -> ActivationLayer(f)
 * learnable slope, no normalization or after it:     dense(identity) -> slope [-> norm...]
 * learnable slope, normalization before it:          dense(identity) -> norm... -> slope
 * </pre>
 */
final class HiddenLayers {

    /**
     * What was appended.
     *
     * @param dense  per hidden layer, the DL4J index of its dense layer
     * @param output per hidden layer, the DL4J index of the layer whose output is its activation
     * @param infos  the hidden layers as monitors see them
     * @param next   the next free DL4J index
     */
    record Appended(int[] dense, int[] output, List<LayerInfo> infos, int next) {
    }

    private final WeightRandom random;
    private final ActivationTap tap;
    private final DenseImplementation implementation;
    private final RegularizationSpec regularization;

    HiddenLayers(WeightRandom random, ActivationTap tap, DenseImplementation implementation,
                 RegularizationSpec regularization) {
        this.random = random;
        this.tap = tap;
        this.implementation = implementation;
        this.regularization = regularization;
    }

    /** Appends every hidden layer, from DL4J index 0, for {@code inputs} input features. */
    Appended append(NeuralNetConfiguration.ListBuilder list, long inputs, List<ResolvedLayer> layers) {
        int[] dense = new int[layers.size()];
        int[] output = new int[layers.size()];
        List<LayerInfo> infos = new ArrayList<>();
        int next = 0;
        long fanIn = inputs;
        double dropout = 0.0;
        for (ResolvedLayer layer : layers) {
            int i = layer.index();
            dense[i] = next;
            next = appendOne(list, next, layer, fanIn, dropout);
            output[i] = next - 1;
            infos.add(new LayerInfo(i, "hidden-" + i, false, fanIn, layer.units(), layer.activation().name(),
                    flatRegion(layer)));
            fanIn = layer.units();
            dropout = layer.dropout();
        }
        return new Appended(dense, output, infos, next);
    }

    private static FlatRegion flatRegion(ResolvedLayer layer) {
        var activation = layer.activation();
        return activation.plugin().learnableSlope(activation.params()).isPresent() ? FlatRegion.NONE
                : activation.plugin().flatRegion(activation.params());
    }

    /**
     * Appends hidden layer {@code layer} at DL4J index {@code at}, its input dropped with probability
     * {@code inputDropout}; returns the next free index.
     */
    private int appendOne(NeuralNetConfiguration.ListBuilder list, int at, ResolvedLayer layer, long fanIn,
                          double inputDropout) {
        int i = layer.index();
        int units = layer.units();
        var activation = layer.activation();
        IActivation tapped = new TappedActivation(new PluginActivation(activation.plugin(), activation.params()), i, tap);
        Optional<Configured<Normalizer>> normalizer = Optional.ofNullable(layer.normalizer());
        List<Layer> norm = normalizer.map(n -> n.plugin().hiddenLayers(units, n.params())).orElse(List.of());
        boolean before = !norm.isEmpty()
                && normalizer.map(n -> n.plugin().placement(n.params())).orElseThrow() == Placement.BEFORE_ACTIVATION;
        Optional<LearnableSlope> slope = activation.plugin().learnableSlope(activation.params());
        Layer separate = slope.<Layer>map(s -> SlopeLayer.of(units, s, i, tap))
                .orElse(before ? new ActivationLayer.Builder().activation(tapped).build() : null);

        DenseLayer.Builder builder = new DenseLayer.Builder().nIn(fanIn).nOut(units).hasBias(layer.bias())
                .weightInit(new PluginWeightInit(layer.init().plugin(), layer.init().params(), random))
                .activation(separate == null ? tapped : new ActivationIdentity());
        Dropouts.onInput(builder, inputDropout);
        Regularizers.onLayer(builder, regularization);
        DenseLayer dense = builder.build();
        List<Layer> layers = new ArrayList<>();
        layers.add(implementation == DenseImplementation.REUSING ? ReusingDenseLayer.from(dense, i > 0) : dense);
        if (separate != null && !before) {
            layers.add(separate);
        }
        layers.addAll(norm);
        if (before) {
            layers.add(separate);
        }
        int next = at;
        for (Layer l : layers) {
            list.layer(next++, l);
        }
        return next;
    }
}
