package io.trainscope.core.model;

import io.trainscope.api.activation.LearnableSlope;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.weights.WeightInitConstant;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.Map;

/**
 * The DL4J layer configuration that realises an activation's {@link LearnableSlope} on a hidden
 * layer's pre-activations: DL4J's {@code PReLULayer} (its parameter {@code W}, initialized to the
 * declared slope), computed by {@link SlopeLayerImpl}. On a dense layer's {@code [batch, units]}
 * the slope has shape {@code [units]} per unit or {@code [1]} shared (shared axis 1); on a
 * convolution's {@code [batch, channels, rows, columns]} it has shape {@code [channels, 1, 1]} per
 * channel (shared axes 2, 3; DL4J's initializer sets shared axes to 1, so rows and columns need not
 * be known) or {@code [1, 1, 1]} shared (axes 1, 2, 3), like PyTorch's
 * {@code nn.PReLU(num_parameters=channels)}. The slope is an ordinary network parameter: the
 * optimizer trains it and checkpoints save it.
 */
final class SlopeLayer extends PReLULayer {
    private static final long serialVersionUID = 1L;

    private int hiddenLayer;
    private transient ActivationTap tap;

    /** For DL4J's configuration copies; use {@link #of}. */
    public SlopeLayer() {
    }

    /**
     * The slope layer of a hidden layer.
     *
     * @param units       the hidden layer's width
     * @param slope       the declared slope
     * @param hiddenLayer the logical hidden layer's index, for the tap
     * @param tap         receives the pre-activations when armed
     */
    static SlopeLayer of(long units, LearnableSlope slope, int hiddenLayer, ActivationTap tap) {
        PReLULayer.Builder builder = new PReLULayer.Builder().inputShape(units)
                .weightInit(new WeightInitConstant(slope.initial()));
        if (!slope.perUnit()) {
            builder.sharedAxes(1);
        }
        return finish(builder, hiddenLayer, tap);
    }

    /**
     * The slope layer of a convolution layer: one slope per channel, or one for the layer when the
     * slope is not per unit.
     *
     * @param channels    the convolution's filters
     * @param slope       the declared slope
     * @param hiddenLayer the logical hidden layer's index, for the tap
     * @param tap         receives the pre-activations when armed
     */
    static SlopeLayer ofChannels(long channels, LearnableSlope slope, int hiddenLayer, ActivationTap tap) {
        PReLULayer.Builder builder = new PReLULayer.Builder().inputShape(channels, 1, 1)
                .weightInit(new WeightInitConstant(slope.initial()));
        if (slope.perUnit()) {
            builder.sharedAxes(2, 3);
        } else {
            builder.sharedAxes(1, 2, 3);
        }
        return finish(builder, hiddenLayer, tap);
    }

    private static SlopeLayer finish(PReLULayer.Builder builder, int hiddenLayer, ActivationTap tap) {
        SlopeLayer layer = LayerConfigCopy.copy(builder.build(), new SlopeLayer());
        layer.hiddenLayer = hiddenLayer;
        layer.tap = tap;
        return layer;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        SlopeLayerImpl layer = new SlopeLayerImpl(conf, networkDataType, hiddenLayer, tap);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }
}
