package io.trainscope.plugins.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files in memory for tests. */
final class IdxBytes {

    private IdxBytes() {
    }

    /** An images file: magic 0x803, count, rows, columns, then the pixels. */
    static byte[] images(int count, int rows, int columns, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length)
                .putInt(0x00000803).putInt(count).putInt(rows).putInt(columns).put(pixels).array();
    }

    /** An images file whose header matches the given pixels. */
    static byte[] images(int count, int rows, int columns) {
        return images(count, rows, columns, pixels(count * rows * columns));
    }

    /** A labels file: magic 0x801, count, then one byte per label. */
    static byte[] labels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length).putInt(0x00000801).putInt(labels.length);
        for (int label : labels) {
            b.put((byte) label);
        }
        return b.array();
    }

    /** Pixel values 0, 7, 14, ... wrapping at 256, so every byte value including > 127 occurs. */
    static byte[] pixels(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) (i * 7 % 256);
        }
        return p;
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] head(byte[] data, int length) {
        return Arrays.copyOf(data, length);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
