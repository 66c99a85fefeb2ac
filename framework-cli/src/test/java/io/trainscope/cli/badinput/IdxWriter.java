package io.trainscope.cli.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** The bytes of small IDX files (MNIST's layout) for bad-input cases. */
final class IdxWriter {

    private IdxWriter() {
    }

    /** An images file of {@code count} images of {@code rows x columns}, pixel values 0..255. */
    static byte[] images(int count, int rows, int columns) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * columns);
        b.putInt(0x00000803).putInt(count).putInt(rows).putInt(columns);
        for (int i = 0; i < count * rows * columns; i++) {
            b.put((byte) (i * 37 % 256));
        }
        return b.array();
    }

    /** A labels file holding {@code labels}. */
    static byte[] labels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(0x00000801).putInt(labels.length);
        for (int label : labels) {
            b.put((byte) label);
        }
        return b.array();
    }

    /** The first {@code length} bytes. */
    static byte[] head(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
