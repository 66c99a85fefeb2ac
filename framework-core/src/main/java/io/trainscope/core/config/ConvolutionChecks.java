package io.trainscope.core.config;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;

/**
 * What a {@code conv2d} layer cannot take: a normalizer that does not normalize per channel (only
 * batch normalization does; {@code layernorm} normalizes each example's row of units). An
 * activation with a learnable slope is allowed: its slope is per channel.
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
    }
}
