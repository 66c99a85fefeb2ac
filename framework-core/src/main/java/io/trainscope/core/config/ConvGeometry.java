package io.trainscope.core.config;

import io.trainscope.api.data.ImageShape;

/**
 * The shape arithmetic of convolution and pooling layers, as DL4J computes it, so that a config's
 * layers can be checked against the data's image shape before anything trains ({@link LayerShapes}).
 */
public final class ConvGeometry {

    /** How a window treats the border: {@code same} keeps size / stride, {@code valid} adds nothing. */
    public enum Padding {
        /** Output size ceil(input / stride), as DL4J's {@code ConvolutionMode.Same}. */
        SAME,
        /** No padding: output size floor((input - kernel) / stride) + 1; the kernel must fit. */
        VALID
    }

    private ConvGeometry() {
    }

    /**
     * The shape after a convolution of {@code filters} square {@code kernel} windows.
     *
     * @throws IllegalArgumentException naming the shapes when the kernel does not fit the input
     */
    public static ImageShape convolve(ImageShape in, int filters, int kernel, int stride, Padding padding) {
        return new ImageShape(filters, side(in, in.rows(), kernel, stride, padding),
                side(in, in.columns(), kernel, stride, padding));
    }

    /**
     * The shape after a pooling layer of square {@code kernel} windows (no padding): the channels
     * are kept.
     *
     * @throws IllegalArgumentException naming the shapes when the kernel does not fit the input
     */
    public static ImageShape pool(ImageShape in, int kernel, int stride) {
        return new ImageShape(in.channels(), side(in, in.rows(), kernel, stride, Padding.VALID),
                side(in, in.columns(), kernel, stride, Padding.VALID));
    }

    /**
     * The shape after a convolution ({@code channels} filters) or a pool ({@code channels} = the
     * input's) with an explicit window, as DL4J's {@code ConvolutionMode.Strict} computes it: each
     * side is (input + 2 padding - kernel) / stride + 1, which must be a whole number.
     *
     * @throws IllegalArgumentException naming the shapes when the kernel is larger than the padded
     *                                  input or the windows do not tile it
     */
    public static ImageShape window(ImageShape in, int channels, LayerWindow w) {
        return new ImageShape(channels, strict(in, w, true), strict(in, w, false));
    }

    private static int strict(ImageShape in, LayerWindow w, boolean rows) {
        int size = rows ? in.rows() : in.columns();
        int kernel = rows ? w.kernel().rows() : w.kernel().columns();
        int stride = rows ? w.stride().rows() : w.stride().columns();
        int pad = rows ? w.padding().rows() : w.padding().columns();
        int padded = size + 2 * pad;
        if (kernel > padded) {
            throw new IllegalArgumentException("kernel " + w.kernel() + " is larger than its input " + in
                    + " (channels x rows x columns) with padding " + w.padding() + "; use a smaller kernel or more padding");
        }
        if ((padded - kernel) % stride != 0) {
            String side = rows ? "rows" : "columns";
            throw new IllegalArgumentException("the windows do not tile the input's " + side + ": input " + in
                    + ", kernel " + w.kernel() + ", stride " + w.stride() + ", padding " + w.padding() + " give ("
                    + size + " + 2x" + pad + " - " + kernel + ") / " + stride + " + 1 " + side + ", not a whole number; "
                    + "choose a stride that divides input + 2 x padding - kernel");
        }
        return (padded - kernel) / stride + 1;
    }

    private static int side(ImageShape in, int size, int kernel, int stride, Padding padding) {
        if (kernel < 1 || stride < 1) {
            throw new IllegalArgumentException("kernel and stride must be at least 1, got kernel " + kernel
                    + " and stride " + stride);
        }
        if (padding == Padding.SAME) {
            return (size + stride - 1) / stride;
        }
        if (kernel > size) {
            throw new IllegalArgumentException("kernel " + kernel + "x" + kernel + " is larger than its input "
                    + in + " (channels x rows x columns); use a smaller kernel or padding: same");
        }
        return (size - kernel) / stride + 1;
    }
}
