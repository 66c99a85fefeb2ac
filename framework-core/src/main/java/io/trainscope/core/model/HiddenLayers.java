package io.trainscope.core.model;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.activation.LearnableSlope;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.normalization.Placement;
import io.trainscope.core.model.NetworkBuilder.DenseImplementation;
import io.trainscope.core.plugin.Configured;
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
 * {@link SlopeLayer}). Monitors see one logical layer whatever the DL4J layers are:
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

    private final Configured<Activation> activation;
    private final Optional<Configured<Normalizer>> normalizer;
    private final PluginWeightInit weightInit;
    private final ActivationTap tap;
    private final DenseImplementation implementation;
    private final Optional<LearnableSlope> slope;

    HiddenLayers(Configured<Activation> activation, Optional<Configured<Normalizer>> normalizer,
                 PluginWeightInit weightInit, ActivationTap tap, DenseImplementation implementation) {
        this.activation = activation;
        this.normalizer = normalizer;
        this.weightInit = weightInit;
        this.tap = tap;
        this.implementation = implementation;
        this.slope = activation.plugin().learnableSlope(activation.params());
    }

    /** Appends every hidden layer, from DL4J index 0, for {@code inputs} input features. */
    Appended append(NeuralNetConfiguration.ListBuilder list, long inputs, List<Integer> widths) {
        FlatRegion flat = slope.isPresent() ? FlatRegion.NONE : activation.plugin().flatRegion(activation.params());
        int[] dense = new int[widths.size()];
        int[] output = new int[widths.size()];
        List<LayerInfo> infos = new ArrayList<>();
        int next = 0;
        long fanIn = inputs;
        for (int i = 0; i < widths.size(); i++) {
            int units = widths.get(i);
            dense[i] = next;
            next = appendOne(list, next, i, fanIn, units);
            output[i] = next - 1;
            infos.add(new LayerInfo(i, "hidden-" + i, false, fanIn, units, activation.name(), flat));
            fanIn = units;
        }
        return new Appended(dense, output, infos, next);
    }

    /** Appends hidden layer {@code i} at DL4J index {@code at}; returns the next free index. */
    private int appendOne(NeuralNetConfiguration.ListBuilder list, int at, int i, long fanIn, int units) {
        IActivation tapped = new TappedActivation(new PluginActivation(activation.plugin(), activation.params()), i, tap);
        List<Layer> norm = normalizer.map(n -> n.plugin().hiddenLayers(units, n.params())).orElse(List.of());
        boolean before = !norm.isEmpty()
                && normalizer.map(n -> n.plugin().placement(n.params())).orElseThrow() == Placement.BEFORE_ACTIVATION;
        Layer separate = slope.<Layer>map(s -> SlopeLayer.of(units, s, i, tap))
                .orElse(before ? new ActivationLayer.Builder().activation(tapped).build() : null);

        DenseLayer dense = new DenseLayer.Builder().nIn(fanIn).nOut(units).weightInit(weightInit)
                .activation(separate == null ? tapped : new ActivationIdentity()).build();
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
        for (Layer layer : layers) {
            list.layer(next++, layer);
        }
        return next;
    }
}
