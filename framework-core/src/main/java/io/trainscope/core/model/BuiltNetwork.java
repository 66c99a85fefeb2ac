package io.trainscope.core.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A DL4J network built from an experiment, with what instrumentation needs to read it.
 *
 * @param network the initialized network
 * @param layout  logical-to-DL4J layer mapping and the network's shape for monitors
 * @param tap     the pre-activation tap wired into the hidden activations
 * @param head    the output layer's activation, loss and target encoding
 */
public record BuiltNetwork(MultiLayerNetwork network, NetworkLayout layout, ActivationTap tap, OutputHead head) {
}
