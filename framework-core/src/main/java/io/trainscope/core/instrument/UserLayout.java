package io.trainscope.core.instrument;

import io.trainscope.api.monitor.NetworkInfo;
import org.deeplearning4j.nn.api.Layer;

import java.util.List;

/**
 * The logical layers of a network an application built, in the order the network computes them
 * with output layers last, and the layers trainscope does not cover.
 *
 * @param layers     the covered layers, numbered as {@link #info()} numbers them
 * @param info       the network as monitors see it
 * @param inputName  the name of a graph's first input vertex, or null for a {@code MultiLayerNetwork}
 * @param notCovered the layers monitors do not see, each as {@code name (DL4J class)}
 * @param miniBatch  whether DL4J divides gradients by the batch size
 */
record UserLayout(List<UserLayer> layers, NetworkInfo info, String inputName, List<String> notCovered,
                  boolean miniBatch) {

    UserLayout {
        layers = List.copyOf(layers);
        notCovered = List.copyOf(notCovered);
    }

    /** For each layer, the DL4J layer that owns its weights, or null. */
    List<Layer> owners() {
        return layers.stream().map(l -> l.weighted() ? l.layer() : null).toList();
    }

    /** The layers' names, in order. */
    List<String> names() {
        return layers.stream().map(l -> l.info().name()).toList();
    }

    /** Whether this is a graph's layout. */
    boolean graph() {
        return inputName != null;
    }
}
