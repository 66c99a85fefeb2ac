package io.trainscope.core.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.Map;

/**
 * A DL4J dense layer configuration whose layer keeps the pre-activations of the training forward
 * pass for the backward pass instead of recomputing them, and skips the gradient with respect to
 * the network input in the first layer (nothing uses it when training). DL4J 1.0.0-M2.1's
 * {@code DenseLayer} recomputes {@code z = xW + b} in every backward pass and always computes the
 * input gradient; for an MLP that is about 70% more matrix multiplication than backpropagation
 * needs. The arithmetic is otherwise DL4J's own, so results are bit-identical (tested).
 */
final class ReusingDenseLayer extends DenseLayer {
    private static final long serialVersionUID = 1L;

    private boolean inputGradient = true;

    /** For Jackson and {@link #from}. */
    public ReusingDenseLayer() {
    }

    /**
     * A copy of a built DL4J dense layer configuration (every field, so nothing the builder set is lost).
     *
     * @param inputGradient whether backpropagation must produce the gradient with respect to the
     *                      layer's input (false only for the first layer of a network trained from data)
     */
    static ReusingDenseLayer from(DenseLayer built, boolean inputGradient) {
        ReusingDenseLayer copy = LayerConfigCopy.copy(built, new ReusingDenseLayer());
        copy.inputGradient = inputGradient;
        return copy;
    }

    /** Whether the layer computes the gradient with respect to its input. */
    public boolean isInputGradient() {
        return inputGradient;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("DenseLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        ReusingDenseLayerImpl layer = new ReusingDenseLayerImpl(conf, networkDataType, inputGradient);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ReusingDenseLayer clone() {
        ReusingDenseLayer c = (ReusingDenseLayer) super.clone();
        c.inputGradient = inputGradient;
        return c;
    }

}
