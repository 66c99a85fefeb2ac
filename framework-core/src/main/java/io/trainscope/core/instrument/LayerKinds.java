package io.trainscope.core.instrument;

import io.trainscope.api.monitor.LayerKind;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.IActivation;

import java.util.List;

/**
 * Which {@link LayerKind} a DL4J layer or graph vertex is, and what it says about its size. The
 * covered classes are DL4J's {@code DenseLayer} (and its subclasses), {@code OutputLayer},
 * {@code ConvolutionLayer} (2-D, exactly that class), {@code SubsamplingLayer} and
 * {@code GlobalPoolingLayer}, {@code BatchNormalization}, {@code ActivationLayer},
 * {@code DropoutLayer}, {@code LossLayer}, and a graph's {@code MergeVertex} and
 * {@code ElementWiseVertex}; anything else (recurrent, embedding, 1-D and 3-D convolutions,
 * other vertices) is not covered: monitors do not see it.
 */
final class LayerKinds {

    private LayerKinds() {
    }

    /** The kind of a layer, or null when it is not covered. */
    static LayerKind of(Layer conf) {
        Class<?> c = conf.getClass();
        if (conf instanceof DenseLayer || c == OutputLayer.class) {
            return LayerKind.DENSE;
        }
        if (c == ConvolutionLayer.class) {
            return LayerKind.CONV2D;
        }
        if (c == SubsamplingLayer.class || c == GlobalPoolingLayer.class) {
            return LayerKind.SUBSAMPLING;
        }
        if (c == BatchNormalization.class) {
            return LayerKind.BATCH_NORMALIZATION;
        }
        if (c == ActivationLayer.class) {
            return LayerKind.ACTIVATION;
        }
        if (c == DropoutLayer.class) {
            return LayerKind.DROPOUT;
        }
        if (c == LossLayer.class) {
            return LayerKind.LOSS;
        }
        return null;
    }

    /** The kind of a graph vertex that is not a layer, or null when it is not covered. */
    static LayerKind of(GraphVertex vertex) {
        if (vertex instanceof MergeVertex) {
            return LayerKind.MERGE;
        }
        if (vertex instanceof ElementWiseVertex) {
            return LayerKind.ELEMENT_WISE;
        }
        return null;
    }

    /** The activation function a layer of this kind applies, or null when it applies none. */
    static IActivation activation(Layer conf, LayerKind kind) {
        if (conf instanceof ActivationLayer a) {
            return a.getActivationFn();
        }
        boolean applies = kind == LayerKind.DENSE || kind == LayerKind.CONV2D || kind == LayerKind.LOSS;
        return applies && conf instanceof BaseLayer b ? b.getActivationFn() : null;
    }

    /**
     * The layer's units: its {@code nOut} where it has one; else (pooling, activation, dropout,
     * loss layers, vertices) its inputs' units, summed by a merge.
     *
     * @param inputs the units of the layer's inputs, in order (0 when unknown)
     */
    static long units(Layer conf, LayerKind kind, List<Long> inputs) {
        if (conf instanceof FeedForwardLayer f && f.getNOut() > 0 && kind != LayerKind.LOSS) {
            return f.getNOut();
        }
        if (kind == LayerKind.MERGE) {
            return inputs.stream().mapToLong(Long::longValue).sum();
        }
        return inputs.isEmpty() ? 0 : inputs.get(0);
    }

    /** Inputs per unit: {@code nIn} of a dense layer, {@code nIn × kernel area} of a convolution, 0 otherwise. */
    static long fanIn(Layer conf, LayerKind kind) {
        if (kind == LayerKind.DENSE) {
            return ((FeedForwardLayer) conf).getNIn();
        }
        if (kind == LayerKind.CONV2D) {
            ConvolutionLayer c = (ConvolutionLayer) conf;
            return c.getNIn() * c.getKernelSize()[0] * c.getKernelSize()[1];
        }
        return 0;
    }

    /**
     * Whether a layer may overwrite its input in place: an {@code ActivationLayer} applies its
     * function to it, and dropout (a {@code DropoutLayer}, or any layer's input dropout) drops
     * units of it. DL4J allows it for every layer of a {@code MultiLayerNetwork} but the first,
     * and for a graph's layers that are the last to read their input.
     */
    static boolean overwritesInput(Layer conf) {
        return conf instanceof ActivationLayer || conf.getIDropout() != null;
    }

    /** The number of inputs a layer takes from the previous one, for a network's first layer: its {@code nIn}, or 0. */
    static long inputWidth(Layer conf) {
        return conf instanceof FeedForwardLayer f ? f.getNIn() : 0;
    }
}
