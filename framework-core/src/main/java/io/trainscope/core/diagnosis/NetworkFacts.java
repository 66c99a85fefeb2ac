package io.trainscope.core.diagnosis;

import java.util.List;

/**
 * What the config builds, as the rules need it.
 *
 * @param layers      the dense layers, hidden first, output last, with their initial weights
 * @param shape       the hidden activation's family
 * @param activation  the hidden activation's name
 * @param init        the initializer's name
 * @param batchnorm   whether a normalizer adds layers inside the network
 * @param learningRate the optimizer's learning rate (NaN if it has none)
 */
public record NetworkFacts(List<LayerFacts> layers, ActivationShape shape, String activation, String init,
                           boolean batchnorm, double learningRate) {

    public NetworkFacts {
        layers = List.copyOf(layers);
    }

    /** The number of hidden layers. */
    public int depth() {
        return layers.size() - 1;
    }

    /** The hidden layers. */
    public List<LayerFacts> hidden() {
        return layers.subList(0, layers.size() - 1);
    }

    /** The output layer. */
    public LayerFacts output() {
        return layers.get(layers.size() - 1);
    }

    /** The median gain ratio of the hidden layers (1 for a network without any). */
    public double hiddenGainRatio() {
        double[] r = hidden().stream().mapToDouble(LayerFacts::gainRatio).sorted().toArray();
        return r.length == 0 ? 1.0 : r[r.length / 2];
    }
}
