package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

import java.util.List;

/**
 * The shape of the network a run trains.
 *
 * @param layers     all logical layers, hidden first, output last
 * @param inputs     the number of input features
 * @param parameters the total number of trainable parameters
 * @param loss       the loss function: {@code cross-entropy} (softmax), {@code binary-cross-entropy}
 *                   (sigmoid), {@code mse} or {@code mae}
 */
@StableApi(since = "0.1")
public record NetworkInfo(List<LayerInfo> layers, long inputs, long parameters, String loss) {

    public NetworkInfo {
        layers = List.copyOf(layers);
        if (layers.isEmpty() || !layers.get(layers.size() - 1).output()) {
            throw new IllegalArgumentException("a network needs an output layer last");
        }
    }

    /** The hidden layers, in order. */
    public List<LayerInfo> hiddenLayers() {
        return layers.subList(0, layers.size() - 1);
    }

    /** The output layer. */
    public LayerInfo outputLayer() {
        return layers.get(layers.size() - 1);
    }

    /** The number of layers, output included. */
    public int size() {
        return layers.size();
    }
}
