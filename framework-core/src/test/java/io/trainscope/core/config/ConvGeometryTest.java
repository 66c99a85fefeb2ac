package io.trainscope.core.config;

import io.trainscope.api.data.ImageShape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConvGeometryTest {

    private static final ImageShape MNIST = new ImageShape(1, 28, 28);

    @Test
    void followsLeNetThroughConvolutionsAndPooling() {
        ImageShape c1 = ConvGeometry.convolve(MNIST, 6, 5, 1, ConvGeometry.Padding.SAME);
        ImageShape p1 = ConvGeometry.pool(c1, 2, 2);
        ImageShape c2 = ConvGeometry.convolve(p1, 16, 5, 1, ConvGeometry.Padding.VALID);
        ImageShape p2 = ConvGeometry.pool(c2, 2, 2);

        assertThat(c1).isEqualTo(new ImageShape(6, 28, 28));
        assertThat(p1).isEqualTo(new ImageShape(6, 14, 14));
        assertThat(c2).isEqualTo(new ImageShape(16, 10, 10));
        assertThat(p2).isEqualTo(new ImageShape(16, 5, 5));
        assertThat(p2.features()).isEqualTo(400);
    }

    @Test
    void samePaddingRoundsUpAndValidPaddingDropsThePartialWindow() {
        ImageShape odd = new ImageShape(3, 7, 8);

        assertThat(ConvGeometry.convolve(odd, 4, 3, 2, ConvGeometry.Padding.SAME)).isEqualTo(new ImageShape(4, 4, 4));
        assertThat(ConvGeometry.convolve(odd, 4, 3, 2, ConvGeometry.Padding.VALID)).isEqualTo(new ImageShape(4, 3, 3));
        assertThat(ConvGeometry.pool(odd, 2, 2)).isEqualTo(new ImageShape(3, 3, 4));
    }

    @Test
    void rejectsAKernelLargerThanItsInputNamingBothShapes() {
        ImageShape small = new ImageShape(16, 4, 4);

        assertThatThrownBy(() -> ConvGeometry.convolve(small, 8, 5, 1, ConvGeometry.Padding.VALID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5x5").hasMessageContaining("16x4x4");
        assertThatThrownBy(() -> ConvGeometry.pool(small, 5, 1)).hasMessageContaining("16x4x4");
        assertThatThrownBy(() -> ConvGeometry.pool(small, 2, 0)).hasMessageContaining("stride 0");
    }
}
