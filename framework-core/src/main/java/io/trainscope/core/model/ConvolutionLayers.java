package io.trainscope.core.model;

import io.trainscope.api.init.WeightRandom;
import io.trainscope.core.config.LayerType;
import io.trainscope.core.config.LayerWindow;
import io.trainscope.core.config.RegularizationSpec;
import io.trainscope.core.config.ResolvedLayer;
import io.trainscope.core.training.optim.Regularizers;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends the DL4J layers of {@code conv2d} and pooling entries: a {@code ConvolutionLayer} with
 * trainscope's initializer and activation adapters followed by its normalizer's layers (batch
 * normalization, per channel) as {@link ActivationStack} arranges them, or a {@code SubsamplingLayer}.
 * Windows use DL4J's {@code ConvolutionMode.Strict}: their shapes were checked before
 * ({@code LayerShapes}), so DL4J never truncates an input. The network's input type
 * ({@code InputType.convolutionalFlat}) makes DL4J reshape flat rows into images before the first
 * of them, and images into rows before the first dense layer after them.
 */
final class ConvolutionLayers {

    private final WeightRandom random;
    private final ActivationTap tap;
    private final RegularizationSpec regularization;

    ConvolutionLayers(WeightRandom random, ActivationTap tap, RegularizationSpec regularization) {
        this.random = random;
        this.tap = tap;
        this.regularization = regularization;
    }

    /**
     * Appends a {@code conv2d} layer at DL4J index {@code at}, its input dropped with probability
     * {@code inputDropout}; returns the next free index.
     *
     * @param logical  the layer's index among the layers monitors see
     * @param channels the input's channels
     */
    int convolution(NeuralNetConfiguration.ListBuilder list, int at, ResolvedLayer layer, int logical, int channels,
                    double inputDropout) {
        LayerWindow w = layer.spec().window();
        ActivationStack stack = ActivationStack.of(layer, logical, tap);
        ConvolutionLayer.Builder builder = new ConvolutionLayer.Builder()
                .kernelSize(w.kernel().rows(), w.kernel().columns())
                .stride(w.stride().rows(), w.stride().columns())
                .padding(w.padding().rows(), w.padding().columns())
                .convolutionMode(ConvolutionMode.Strict)
                .nIn(channels).nOut(layer.units()).hasBias(layer.bias())
                .weightInit(new PluginWeightInit(layer.init().plugin(), layer.init().params(), random))
                .activation(stack.onLayer());
        Dropouts.onInput(builder, inputDropout);
        Regularizers.onLayer(builder, regularization);
        List<Layer> layers = new ArrayList<>();
        layers.add(builder.build());
        layers.addAll(stack.after());
        int next = at;
        for (Layer l : layers) {
            list.layer(next++, l);
        }
        return next;
    }

    /**
     * Appends a pooling layer at DL4J index {@code at}. It takes no dropout: DL4J's
     * {@code SubsamplingLayer} backpropagates through a dropout mask but never applies one, so a
     * convolution's dropout goes to the next layer with weights.
     */
    static int pool(NeuralNetConfiguration.ListBuilder list, int at, ResolvedLayer layer) {
        LayerWindow w = layer.spec().window();
        SubsamplingLayer.Builder builder = new SubsamplingLayer.Builder(
                layer.type() == LayerType.MAX_POOL ? PoolingType.MAX : PoolingType.AVG)
                .kernelSize(w.kernel().rows(), w.kernel().columns())
                .stride(w.stride().rows(), w.stride().columns())
                .padding(w.padding().rows(), w.padding().columns())
                .convolutionMode(ConvolutionMode.Strict);
        list.layer(at, builder.build());
        return at + 1;
    }
}
