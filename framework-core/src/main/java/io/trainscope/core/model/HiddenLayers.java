package io.trainscope.core.model;

import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.data.ImageShape;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.LayerKind;
import io.trainscope.core.config.LayerShapes;
import io.trainscope.core.config.LayerSpec;
import io.trainscope.core.config.LayerType;
import io.trainscope.core.config.RegularizationSpec;
import io.trainscope.core.config.ResolvedLayer;
import io.trainscope.core.model.NetworkBuilder.DenseImplementation;
import io.trainscope.core.training.optim.Regularizers;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends the DL4J layers of each hidden layer to a network configuration: for a dense (or
 * convolution, {@link ConvolutionLayers}) layer the weighted layer, the normalizer's layers, and
 * the activation, which sits on the weighted layer itself unless it must be a layer of its own
 * (after normalization placed before it, or a learnable slope, realised as a {@link SlopeLayer}):
 * see {@link ActivationStack}. Each layer takes its own settings ({@link ResolvedLayer}: activation,
 * initializer, bias, normalizer); a layer's dropout is applied to the input of the next layer with
 * weights ({@link Dropouts}), after any pool. Monitors see one logical layer per weighted layer, named {@code hidden-0},
 * {@code hidden-1}, ... in order, whatever the DL4J layers are; pooling and {@code flatten} layers
 * have no weights and are not logical layers (a pool shifts DL4J's indices, {@code flatten} adds
 * no DL4J layer: DL4J's input preprocessor flattens):
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
     * @param dense  per logical hidden layer, the DL4J index of its weighted layer
     * @param output per logical hidden layer, the DL4J index of the layer whose output is its activation
     * @param infos  the logical hidden layers as monitors see them
     * @param layers per logical hidden layer, its resolved layer
     * @param next   the next free DL4J index
     * @param width  the number of features the last hidden layer outputs (flattened)
     * @param dropout the dropout still to apply to the input of the output layer
     */
    record Appended(int[] dense, int[] output, List<LayerInfo> infos, List<ResolvedLayer> layers, int next,
                    long width, double dropout) {
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

    /** The number of logical hidden layers (those with weights). */
    static int weighted(List<ResolvedLayer> layers) {
        return (int) layers.stream().filter(l -> l.type().weighted()).count();
    }

    /**
     * Appends every hidden layer, from DL4J index 0, for {@code inputs} input features, seen as
     * images of shape {@code image} (null when they are not images).
     */
    Appended append(NeuralNetConfiguration.ListBuilder list, long inputs, ImageShape image, List<ResolvedLayer> layers) {
        List<ImageShape> shapes = LayerShapes.outputs(layers.stream().map(ResolvedLayer::spec).toList(), image, inputs);
        ConvolutionLayers convolutions = new ConvolutionLayers(random, tap, regularization);
        List<Integer> dense = new ArrayList<>();
        List<Integer> output = new ArrayList<>();
        List<LayerInfo> infos = new ArrayList<>();
        List<ResolvedLayer> logical = new ArrayList<>();
        int next = 0;
        long width = inputs;
        ImageShape in = image;
        double dropout = 0.0;
        for (int p = 0; p < layers.size(); p++) {
            ResolvedLayer layer = layers.get(p);
            ImageShape out = shapes.get(p);
            int k = infos.size();
            if (layer.type().weighted()) {
                dense.add(next);
                next = layer.type() == LayerType.CONV2D
                        ? convolutions.convolution(list, next, layer, k, in.channels(), dropout)
                        : appendDense(list, next, layer, k, width, dropout);
                output.add(next - 1);
                infos.add(info(layer, k, width, in, out));
                logical.add(layer);
                dropout = layer.dropout();
            } else if (layer.type().pooling()) {
                next = ConvolutionLayers.pool(list, next, layer);
            }
            width = out != null ? out.features() : layer.type() == LayerType.DENSE ? layer.units() : width;
            in = out;
        }
        return new Appended(ints(dense), ints(output), infos, logical, next, width, dropout);
    }

    /** How monitors see a weighted layer whose input is {@code width} features, or the image {@code in}. */
    private static LayerInfo info(ResolvedLayer layer, int k, long width, ImageShape in, ImageShape out) {
        String name = "hidden-" + k;
        if (layer.type() == LayerType.DENSE) {
            return new LayerInfo(k, name, false, width, layer.units(), layer.activation().name(), flatRegion(layer));
        }
        LayerSpec spec = layer.spec();
        long fanIn = (long) in.channels() * spec.window().kernel().rows() * spec.window().kernel().columns();
        return new LayerInfo(k, name, false, fanIn, layer.units(), layer.activation().name(), flatRegion(layer),
                LayerKind.CONV2D, List.of((long) out.channels(), (long) out.rows(), (long) out.columns()));
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static FlatRegion flatRegion(ResolvedLayer layer) {
        var activation = layer.activation();
        return activation.plugin().learnableSlope(activation.params()).isPresent() ? FlatRegion.NONE
                : activation.plugin().flatRegion(activation.params());
    }

    /**
     * Appends dense layer {@code layer} (logical index {@code k}) at DL4J index {@code at}, its input
     * dropped with probability {@code inputDropout}; returns the next free index.
     */
    private int appendDense(NeuralNetConfiguration.ListBuilder list, int at, ResolvedLayer layer, int k, long fanIn,
                            double inputDropout) {
        ActivationStack stack = ActivationStack.of(layer, k, tap);
        DenseLayer.Builder builder = new DenseLayer.Builder().nIn(fanIn).nOut(layer.units()).hasBias(layer.bias())
                .weightInit(new PluginWeightInit(layer.init().plugin(), layer.init().params(), random))
                .activation(stack.onLayer());
        Dropouts.onInput(builder, inputDropout);
        Regularizers.onLayer(builder, regularization);
        DenseLayer dense = builder.build();
        List<Layer> layers = new ArrayList<>();
        // the DL4J index, not the logical one: after convolutions or pools the first dense layer must pass a gradient on
        layers.add(implementation == DenseImplementation.REUSING ? ReusingDenseLayer.from(dense, at > 0) : dense);
        layers.addAll(stack.after());
        int next = at;
        for (Layer l : layers) {
            list.layer(next++, l);
        }
        return next;
    }
}
