package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;

import java.util.List;

/**
 * The shape of the network a run trains, as one monitor sees it: the layers it reads
 * ({@link Monitor#reads(LayerInfo)}), numbered from 0 in the order the network computes them, with
 * output layers last.
 *
 * @param layers     the logical layers, hidden first, output last (a monitor that does not read the
 *                   output layer sees none)
 * @param inputs     the number of input features (0 when unknown: a convolutional input of an
 *                   instrumented network)
 * @param parameters the total number of trainable parameters
 * @param loss       the loss function: {@code cross-entropy} (softmax), {@code binary-cross-entropy}
 *                   (sigmoid), {@code mse} or {@code mae}; for an instrumented network another DL4J
 *                   loss is named in lower case ({@code negativeloglikelihood})
 */
@StableApi(since = "0.1")
public record NetworkInfo(List<LayerInfo> layers, long inputs, long parameters, String loss) {

    public NetworkInfo {
        layers = List.copyOf(layers);
        boolean outputSeen = false;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).index() != i) {
                throw new IllegalArgumentException("layer '" + layers.get(i).name() + "' is at position " + i
                        + " but has index " + layers.get(i).index());
            }
            if (outputSeen && !layers.get(i).output()) {
                throw new IllegalArgumentException("layer '" + layers.get(i).name() + "' follows an output layer; "
                        + "output layers come last");
            }
            outputSeen |= layers.get(i).output();
        }
    }

    /** The layers before the output layers, in order. */
    public List<LayerInfo> hiddenLayers() {
        int n = layers.size();
        while (n > 0 && layers.get(n - 1).output()) {
            n--;
        }
        return layers.subList(0, n);
    }

    /**
     * The output layer (the last one).
     *
     * @throws IllegalStateException when these layers hold no output layer (a monitor that does not
     *                               read the network's output layer)
     */
    public LayerInfo outputLayer() {
        if (layers.isEmpty() || !layers.get(layers.size() - 1).output()) {
            throw new IllegalStateException("this view of the network holds no output layer; read it with "
                    + "Monitor.reads(LayerInfo) to see it");
        }
        return layers.get(layers.size() - 1);
    }

    /** Whether these layers include an output layer. */
    public boolean hasOutputLayer() {
        return !layers.isEmpty() && layers.get(layers.size() - 1).output();
    }

    /** The number of layers, output included. */
    public int size() {
        return layers.size();
    }
}
