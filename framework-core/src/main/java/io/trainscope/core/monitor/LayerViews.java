package io.trainscope.core.monitor;

import io.trainscope.core.model.NetworkLayout;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * Views into DL4J's flattened parameter and gradient arrays for every logical layer, built once
 * per run. The arrays behind them live as long as the network, so reading a layer's weights or
 * gradients never copies or allocates. After the optimizer step the gradient array holds the
 * applied update, so the same views serve as update views in {@code onUpdate}.
 */
public final class LayerViews {

    private final INDArray[] weights;
    private final INDArray[] biases;
    private final INDArray[] weightGradients;
    private final INDArray[] biasGradients;

    /** Builds the views; the network's gradient view must exist ({@code initGradientsView()}). */
    public LayerViews(MultiLayerNetwork network, NetworkLayout layout) {
        int n = layout.size();
        weights = new INDArray[n];
        biases = new INDArray[n];
        weightGradients = new INDArray[n];
        biasGradients = new INDArray[n];
        for (int i = 0; i < n; i++) {
            Layer layer = network.getLayer(layout.dense()[i]);
            weights[i] = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
            biases[i] = layer.getParam(DefaultParamInitializer.BIAS_KEY);
            Map<String, INDArray> grads = layer.conf().getLayer().initializer()
                    .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
            weightGradients[i] = grads.get(DefaultParamInitializer.WEIGHT_KEY);
            biasGradients[i] = grads.get(DefaultParamInitializer.BIAS_KEY);
        }
    }

    /** The live weights {@code [fanIn, units]} of a layer. */
    public INDArray weights(int layer) {
        return weights[layer];
    }

    /** The live bias of a layer. */
    public INDArray bias(int layer) {
        return biases[layer];
    }

    /** DL4J's raw weight gradient of a layer (after the step: the applied update). */
    public INDArray weightGradient(int layer) {
        return weightGradients[layer];
    }

    /** DL4J's raw bias gradient of a layer (after the step: the applied update). */
    public INDArray biasGradient(int layer) {
        return biasGradients[layer];
    }

    /** The number of logical layers. */
    public int size() {
        return weights.length;
    }
}
