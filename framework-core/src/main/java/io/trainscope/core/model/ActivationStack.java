package io.trainscope.core.model;

import io.trainscope.api.activation.LearnableSlope;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.normalization.Placement;
import io.trainscope.core.config.LayerType;
import io.trainscope.core.config.ResolvedLayer;
import io.trainscope.core.plugin.Configured;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a weighted hidden layer's activation and normalization go (see {@link HiddenLayers}): on
 * the weighted (dense or convolution) layer itself, or as layers of their own after it. The
 * activation always goes through trainscope's adapter ({@link PluginActivation}) wrapped in a
 * {@link TappedActivation}, so monitors see the pre-activations and {@code dL/dz} of any layer kind.
 *
 * @param onLayer the activation the weighted layer applies (identity when it is a layer of its own)
 * @param after   the layers that follow the weighted layer, in order
 */
record ActivationStack(IActivation onLayer, List<Layer> after) {

    /**
     * The stack of a hidden layer.
     *
     * @param layer   the resolved layer
     * @param logical its index among the layers monitors see (the tap's index)
     * @param tap     the network's tap
     */
    static ActivationStack of(ResolvedLayer layer, int logical, ActivationTap tap) {
        int units = layer.units();
        var activation = layer.activation();
        IActivation tapped = new TappedActivation(new PluginActivation(activation.plugin(), activation.params()),
                logical, tap);
        Optional<Configured<Normalizer>> normalizer = Optional.ofNullable(layer.normalizer());
        List<Layer> norm = normalizer.map(n -> n.plugin().hiddenLayers(units, n.params())).orElse(List.of());
        boolean before = !norm.isEmpty()
                && normalizer.map(n -> n.plugin().placement(n.params())).orElseThrow() == Placement.BEFORE_ACTIVATION;
        Optional<LearnableSlope> slope = activation.plugin().learnableSlope(activation.params());
        boolean conv = layer.type() == LayerType.CONV2D;
        Layer separate = slope.<Layer>map(s -> conv ? SlopeLayer.ofChannels(units, s, logical, tap)
                        : SlopeLayer.of(units, s, logical, tap))
                .orElse(before ? new ActivationLayer.Builder().activation(tapped).build() : null);
        List<Layer> after = new ArrayList<>();
        if (separate != null && !before) {
            after.add(separate);
        }
        after.addAll(norm);
        if (before) {
            after.add(separate);
        }
        return new ActivationStack(separate == null ? tapped : new ActivationIdentity(), after);
    }
}
