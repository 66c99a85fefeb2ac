package io.trainscope.core.instrument;

import io.trainscope.api.monitor.LayerInfo;
import org.deeplearning4j.nn.api.Layer;

/**
 * One logical layer of a network an application built: a covered DL4J layer or graph vertex.
 *
 * @param info      the layer as monitors see it (the application's name)
 * @param layer     DL4J's layer, or null for a graph vertex that is not one (merge, element-wise)
 * @param vertex    the graph vertex's name, or null in a {@code MultiLayerNetwork}
 * @param dl4jIndex the layer's index in a {@code MultiLayerNetwork} (its output is entry
 *                  {@code dl4jIndex + 1} of DL4J's forward-pass list), or -1 in a graph
 * @param overwritten whether a layer that consumes this one's output may overwrite it in place
 *                  (DL4J lets an {@code ActivationLayer} apply its function to its input, and dropout
 *                  drop units of its input, in place), so that DL4J's array holds the consumer's values
 * @param source    the index of the covered layer whose output is this one's input, directly (no
 *                  preprocessor between), or -1
 */
record UserLayer(LayerInfo info, Layer layer, String vertex, int dl4jIndex, boolean overwritten, int source) {

    /** Whether the layer owns weights and a bias. */
    boolean weighted() {
        return info.weighted();
    }
}
