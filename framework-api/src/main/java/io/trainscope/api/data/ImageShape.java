package io.trainscope.api.data;

import io.trainscope.api.StableApi;

/**
 * The shape of image examples: each example's features are {@code channels x rows x columns}
 * values, channel by channel, each channel row-major. Sources of images (the {@code idx} source)
 * report it so that convolutional layers can see the examples as images.
 *
 * @param channels colour channels (1 for greyscale); at least 1
 * @param rows     image height in pixels; at least 1
 * @param columns  image width in pixels; at least 1
 */
@StableApi(since = "0.2")
public record ImageShape(int channels, int rows, int columns) {

    public ImageShape {
        if (channels < 1 || rows < 1 || columns < 1) {
            throw new IllegalArgumentException("an image shape needs positive channels, rows and columns, got "
                    + channels + "x" + rows + "x" + columns);
        }
    }

    /** The number of features one image has: channels x rows x columns. */
    public long features() {
        return (long) channels * rows * columns;
    }

    /** {@code channels x rows x columns}, as in error messages. */
    @Override
    public String toString() {
        return channels + "x" + rows + "x" + columns;
    }
}
