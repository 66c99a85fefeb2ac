package io.trainscope.api.monitor;

import io.trainscope.api.StableApi;
import io.trainscope.api.activation.FlatRegion;

/**
 * One logical layer of the network: a dense layer with its normalization and activation.
 *
 * @param index      position in {@link NetworkInfo#layers()}, from 0
 * @param name       {@code hidden-0}, {@code hidden-1}, ..., {@code output}
 * @param output     whether this is the output layer
 * @param fanIn      inputs per unit
 * @param units      number of units
 * @param activation the activation's name ({@code sigmoid}, {@code softmax}, ...)
 * @param flatRegion where the activation's output is flat, from its plugin
 */
@StableApi(since = "0.1")
public record LayerInfo(int index, String name, boolean output, long fanIn, long units, String activation,
                        FlatRegion flatRegion) {
}
