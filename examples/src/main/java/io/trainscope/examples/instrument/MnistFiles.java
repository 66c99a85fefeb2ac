package io.trainscope.examples.instrument;

import io.trainscope.examples.ExamplePaths;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * MNIST's gzipped IDX files read the way an application that does not use trainscope's data
 * sources would: pixels scaled to [0, 1] as {@code [n, 784]} rows, labels one-hot over 10 classes.
 */
public final class MnistFiles {

    /** Where the repository's configs find MNIST: beside the repository, {@code ../shared/datasets/mnist} (see {@link ExamplePaths}). */
    public static final Path DEFAULT = ExamplePaths.mnist();

    private MnistFiles() {
    }

    /** The first {@code limit} images of the {@code t10k} part in {@code directory}. */
    public static DataSet t10k(Path directory, int limit) throws IOException {
        try (DataInputStream images = open(directory.resolve("t10k-images-idx3-ubyte.gz"), 2051);
             DataInputStream labels = open(directory.resolve("t10k-labels-idx1-ubyte.gz"), 2049)) {
            int n = Math.min(limit, images.readInt());
            labels.readInt();
            int pixels = images.readInt() * images.readInt();
            byte[] raw = new byte[pixels];
            float[] x = new float[n * pixels];
            float[] y = new float[n * 10];
            for (int i = 0; i < n; i++) {
                images.readFully(raw);
                for (int p = 0; p < pixels; p++) {
                    x[i * pixels + p] = (raw[p] & 0xff) / 255f;
                }
                y[i * 10 + labels.readUnsignedByte()] = 1f;
            }
            INDArray features = Nd4j.create(x, new long[]{n, pixels}, 'c');
            return new DataSet(features, Nd4j.create(y, new long[]{n, 10}, 'c'));
        }
    }

    private static DataInputStream open(Path file, int magic) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist; pass the folder holding MNIST's t10k IDX files");
        }
        InputStream in = new GZIPInputStream(Files.newInputStream(file));
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != magic) {
            data.close();
            throw new IOException(file + " is not an IDX file with magic number " + magic);
        }
        return data;
    }
}
