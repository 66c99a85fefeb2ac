package io.trainscope.core.config;

import io.trainscope.api.data.ImageShape;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the layers of {@code model.layers} fit together and fit the data, each problem a
 * one-line {@link ConfigException} naming the layer, its type, the shapes and the fix: the order
 * (convolutions and pools before any dense or {@code flatten} layer) when the config is read, the
 * shapes ({@link ConvGeometry}) once the data's image shape is known, before the network is built.
 */
public final class LayerShapes {

    private LayerShapes() {
    }

    /** Refuses a convolution or pooling layer after a dense or {@code flatten} layer. */
    static void checkOrder(List<LayerSpec> layers) {
        for (int i = 1; i < layers.size(); i++) {
            LayerType type = layers.get(i).type();
            if (!type.windowed()) {
                continue;
            }
            for (int j = 0; j < i; j++) {
                LayerType before = layers.get(j).type();
                if (before == LayerType.DENSE || before == LayerType.FLATTEN) {
                    throw new ConfigException(path(i), type.configName() + " cannot follow the " + before.configName()
                            + " layer model.layers[" + j + "]: its output is a flat row, not an image; put every "
                            + "conv2d and pooling layer before the first dense or flatten layer");
                }
            }
        }
    }

    /**
     * Every layer's output shape: an image, or null where the output is a flat row.
     *
     * @param layers the hidden layers
     * @param image  the shape of the input examples as images, or null when they are not images
     * @param inputs the number of input features
     * @throws ConfigException for a convolution or pool on data that are not images, or a window
     *                         that does not fit its input
     */
    public static List<ImageShape> outputs(List<LayerSpec> layers, ImageShape image, long inputs) {
        List<ImageShape> shapes = new ArrayList<>();
        ImageShape current = image;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            LayerType type = layer.type();
            if (type.windowed()) {
                if (current == null) {
                    throw new ConfigException(path(i), type.configName() + " needs image input, but the data are flat "
                            + "rows of " + inputs + " features (image shapes come from the idx source, when no "
                            + "input normalizer changes the number of features); use dense layers, or image data");
                }
                int channels = type == LayerType.CONV2D ? layer.units() : current.channels();
                try {
                    current = ConvGeometry.window(current, channels, layer.window());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(path(i), type.configName() + ": " + e.getMessage());
                }
            } else {
                current = null;
            }
            shapes.add(current);
        }
        return shapes;
    }

    private static String path(int i) {
        return "model.layers[" + i + "]";
    }
}
