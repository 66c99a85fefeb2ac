package io.trainscope.core.model;

import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.NetworkInfo;

import java.util.List;

/**
 * How the logical layers monitors see (dense + normalization + activation) map onto DL4J's
 * layer indices.
 *
 * @param info   the logical layers as monitors see them
 * @param dense  for each logical layer, the DL4J index of its dense (or output) layer, which owns W and b
 * @param output for each logical layer, the DL4J index of the layer whose output is the logical
 *               layer's activation
 */
public record NetworkLayout(NetworkInfo info, int[] dense, int[] output) {

    /** The number of logical layers, output included. */
    public int size() {
        return dense.length;
    }

    /** The number of hidden layers. */
    public int hiddenLayers() {
        return dense.length - 1;
    }

    /** The DL4J index of the output layer. */
    public int outputDl4jIndex() {
        return dense[dense.length - 1];
    }

    /** Logical layer names, in order. */
    public List<String> names() {
        return info.layers().stream().map(LayerInfo::name).toList();
    }
}
