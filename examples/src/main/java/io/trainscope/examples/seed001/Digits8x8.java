package io.trainscope.examples.seed001;

import io.trainscope.examples.instrument.MnistFiles;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Seed 001's data: scikit-learn's 8 x 8 digits (values 0 to 16), here made from MNIST's t10k
 * images: the 2-pixel border cropped (28 to 24), each 3 x 3 block averaged (24 to 8), scaled to
 * 0..16, then standardized with one mean and one standard deviation over all pixels, as the seed
 * does with {@code (X - X.mean()) / X.std()}.
 *
 * @param features {@code [n, 64]} standardized pixels, float64
 * @param labels   {@code [n, 10]} one-hot, float64
 */
public record Digits8x8(INDArray features, INDArray labels) {

    /** The first {@code n} t10k images of the MNIST folder, downsampled and standardized. */
    public static Digits8x8 load(Path mnist, int n) throws IOException {
        DataSet raw = MnistFiles.t10k(mnist, n);
        double[][] pixels = raw.getFeatures().castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] small = new double[pixels.length][];
        for (int i = 0; i < pixels.length; i++) {
            small[i] = downsample(pixels[i]);
        }
        INDArray x = Nd4j.create(small);
        double mean = x.meanNumber().doubleValue();
        double std = x.stdNumber().doubleValue();
        return new Digits8x8(x.subi(mean).divi(std), raw.getLabels().castTo(DataType.DOUBLE));
    }

    /** One 28 x 28 image in [0, 1] as 64 values in [0, 16]. */
    static double[] downsample(double[] image) {
        double[] out = new double[64];
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                double sum = 0;
                for (int dr = 0; dr < 3; dr++) {
                    for (int dc = 0; dc < 3; dc++) {
                        sum += image[(2 + 3 * r + dr) * 28 + 2 + 3 * c + dc];
                    }
                }
                out[r * 8 + c] = 16 * sum / 9;
            }
        }
        return out;
    }

    /** The same data in {@code type}. */
    public Digits8x8 as(DataType type) {
        return new Digits8x8(features.castTo(type), labels.castTo(type));
    }

    /** How many examples. */
    public int size() {
        return (int) features.rows();
    }
}
