package io.trainscope.core.monitor;

import io.trainscope.core.model.NetworkLayout;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Views into DL4J's flattened parameter and gradient arrays for every logical layer, built once
 * per run. The arrays behind them live as long as the network, so reading a layer's weights or
 * gradients never copies or allocates. After the optimizer step the gradient array holds the
 * applied update, so the same views serve as update views in {@code onUpdate}.
 */
public final class LayerViews {

    private final String[] names;
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final INDArray[] weightGradients;
    private final INDArray[] biasGradients;

    /** Builds the views of a network trainscope built; its gradient view must exist ({@code initGradientsView()}). */
    public LayerViews(MultiLayerNetwork network, NetworkLayout layout) {
        this(owners(network, layout), layout.names());
    }

    /**
     * Builds the views of the layers that own weights ({@code "W"}) and a bias ({@code "b"}), as
     * DL4J's dense, output and convolution layers do; the network's gradient view must exist.
     *
     * @param owners for each logical layer, the DL4J layer that owns its parameters, or null for a
     *               layer without weights
     * @param names  the logical layers' names, for messages
     */
    public LayerViews(List<Layer> owners, List<String> names) {
        int n = owners.size();
        this.names = names.toArray(String[]::new);
        weights = new INDArray[n];
        biases = new INDArray[n];
        weightGradients = new INDArray[n];
        biasGradients = new INDArray[n];
        for (int i = 0; i < n; i++) {
            Layer layer = owners.get(i);
            if (layer == null) {
                continue;
            }
            weights[i] = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
            biases[i] = layer.getParam(DefaultParamInitializer.BIAS_KEY);
            Map<String, INDArray> grads = layer.conf().getLayer().initializer()
                    .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
            weightGradients[i] = grads.get(DefaultParamInitializer.WEIGHT_KEY);
            biasGradients[i] = grads.get(DefaultParamInitializer.BIAS_KEY);
        }
    }

    private static List<Layer> owners(MultiLayerNetwork network, NetworkLayout layout) {
        List<Layer> owners = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            owners.add(network.getLayer(layout.dense()[i]));
        }
        return owners;
    }

    /** The live weights of a layer: {@code [fanIn, units]}, or {@code [out, in, kh, kw]} for a convolution. */
    public INDArray weights(int layer) {
        return require(weights, layer);
    }

    /** The live bias of a layer, or null when it has none. */
    public INDArray bias(int layer) {
        require(weights, layer);
        return biases[layer];
    }

    /** DL4J's raw weight gradient of a layer (after the step: the applied update). */
    public INDArray weightGradient(int layer) {
        return require(weightGradients, layer);
    }

    /** DL4J's raw bias gradient of a layer (after the step: the applied update), or null when it has no bias. */
    public INDArray biasGradient(int layer) {
        require(weights, layer);
        return biasGradients[layer];
    }

    /** Whether a layer has weights. */
    public boolean weighted(int layer) {
        return weights[layer] != null;
    }

    /** The number of logical layers. */
    public int size() {
        return weights.length;
    }

    private INDArray require(INDArray[] arrays, int layer) {
        if (weights[layer] == null) {
            throw new IllegalStateException("layer '" + names[layer] + "' has no weights; read only layers whose "
                    + "LayerInfo.weighted() is true");
        }
        return arrays[layer];
    }
}
