package io.trainscope.core.config;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;

/**
 * What a {@code conv2d} layer cannot take: a normalizer that does not normalize per channel (only
 * batch normalization does; {@code layernorm} normalizes each example's row of units) and an
 * activation with a learnable slope (its slope layer is per unit of a dense layer).
 */
final class ConvolutionChecks {

    private ConvolutionChecks() {
    }

    /** Refuses what a resolved {@code conv2d} layer at {@code path} cannot take. */
    static void check(ResolvedLayer layer, String path) {
        var n = layer.normalizer();
        if (n != null && !n.plugin().hiddenLayers(layer.units(), n.params()).stream()
                .allMatch(l -> l instanceof BatchNormalization)) {
            throw new ConfigException(path + ".normalizers", "conv2d takes only batchnorm (per channel), got '" + n.name()
                    + "'; set 'normalizers: [batchnorm]' or 'normalizers: []' on this layer");
        }
        var a = layer.activation();
        if (a.plugin().learnableSlope(a.params()).isPresent()) {
            throw new ConfigException(path + ".activation", "conv2d cannot take '" + a.name() + "' (its learnable slope "
                    + "is per unit of a dense layer); use a fixed activation such as relu or leaky-relu on this layer");
        }
    }
}
