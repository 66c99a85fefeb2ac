package io.trainscope.core.model;

import io.trainscope.api.init.Fan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fans an initializer plugin is given. */
class PluginWeightInitTest {

    @Test
    void aDenseLayerKeepsDl4jsFans() {
        assertThat(PluginWeightInit.fan(784, 128, new long[]{784, 128})).isEqualTo(new Fan(784, 128));
    }

    @Test
    void aConvolutionHasChannelsTimesKernelAreaInAndFiltersTimesKernelAreaOutWhateverTheStride() {
        // DL4J passes fan-out 16 * 5 * 5 / (2 * 2) = 100 for a stride of 2
        assertThat(PluginWeightInit.fan(6 * 25, 100, new long[]{16, 6, 5, 5})).isEqualTo(new Fan(150, 400));
    }
}
