package io.trainscope.plugins.data.internal;

import io.trainscope.api.data.DataException;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Path;

/**
 * Reads and validates IDX files of unsigned bytes, the format of MNIST and Fashion-MNIST:
 * images ({@code idx3}: magic {@code 0x00000803}, count, rows, columns, then the pixels row by
 * row) and labels ({@code idx1}: magic {@code 0x00000801}, count, then one byte per label). All
 * header integers are big-endian. Files may be gzip-compressed (see {@link DataFiles#open}).
 *
 * <h2>Validation</h2>
 * Every failure is a {@link DataException} whose message starts with the file's path and says
 * what the header announced and what was found ({@link IdxProblems}). When several things are
 * wrong, the first in this list is reported ({@link IdxHeaders} checks the start of the file):
 * <ul>
 *   <li>the file must not be empty (nor decompress to nothing);</li>
 *   <li>a file named {@code .gz} must be gzip, or else the plain IDX file (its magic number);</li>
 *   <li>the magic number must match the kind of file (a labels file given as images is named as such);</li>
 *   <li>count, rows and columns must be positive;</li>
 *   <li>the announced size must be at most {@value #MAX_FILE_BYTES} bytes, and for a gzip file at
 *       most {@value #MAX_GZIP_RATIO} times the compressed size (deflate cannot compress more):
 *       an absurd header fails before anything is allocated;</li>
 *   <li>the file must hold exactly the announced number of bytes: a short file is "truncated",
 *       a longer one has "unexpected bytes after the data" (for plain files this is checked
 *       against the file size before reading);</li>
 *   <li>labels must be below the number of classes;</li>
 *   <li>a cut-off or damaged gzip stream is reported as such, never as a partial read.</li>
 * </ul>
 */
public final class IdxFile {

    /** Magic number of an images file: unsigned bytes ({@code 0x08}), three dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of a labels file: unsigned bytes ({@code 0x08}), one dimension. */
    public static final int LABELS_MAGIC = 0x00000801;
    /** The largest file (header included) this reader accepts, 2^31 - 1 bytes. */
    public static final long MAX_FILE_BYTES = Integer.MAX_VALUE;
    /** Deflate's maximum compression ratio is about 1032:1; a header announcing more is corrupt. */
    public static final long MAX_GZIP_RATIO = 1032;

    private static final int BUFFER = 1 << 16;

    private IdxFile() {
    }

    /** The two kinds of IDX file in the MNIST layout. */
    public enum Kind {
        /** {@code idx3-ubyte}: count, rows, columns. */
        IMAGES(IMAGES_MAGIC, 16, "images"),
        /** {@code idx1-ubyte}: count. */
        LABELS(LABELS_MAGIC, 8, "labels");

        private final int magic;
        private final int headerBytes;
        private final String noun;

        Kind(int magic, int headerBytes, String noun) {
            this.magic = magic;
            this.headerBytes = headerBytes;
            this.noun = noun;
        }

        /** The expected magic number. */
        public int magic() {
            return magic;
        }

        /** The size of the header in bytes. */
        public int headerBytes() {
            return headerBytes;
        }

        /** "images" or "labels", for messages. */
        public String noun() {
            return noun;
        }
    }

    /**
     * A validated header.
     *
     * @param file    the file it was read from
     * @param kind    images or labels
     * @param count   the number of images or labels, positive
     * @param rows    image height (1 for labels)
     * @param columns image width (1 for labels)
     */
    public record Header(Path file, Kind kind, int count, int rows, int columns) {

        /** Bytes per image (rows x columns) or per label (1). */
        public int itemBytes() {
            return rows * columns;
        }

        /** The exact size of the (uncompressed) file the header announces. */
        public long totalBytes() {
            return kind.headerBytes + (long) count * itemBytes();
        }

        /** "10000 images of 28x28 (7840016 bytes)" or "10000 labels (10008 bytes)". */
        public String describe() {
            return IdxFile.describe(kind, count, rows, columns, BigInteger.valueOf(totalBytes()));
        }
    }

    /**
     * The images of a file.
     *
     * @param header the file's header
     * @param loaded how many images {@code pixels} holds (the first ones, at most {@code header.count()})
     * @param pixels {@code loaded x rows x columns} values, row-major, scaled or raw 0..255
     */
    public record Images(Header header, int loaded, float[] pixels) {
    }

    /**
     * The labels of a file.
     *
     * @param header the file's header
     * @param loaded how many labels {@code labels} holds (the first ones)
     * @param labels the class indices as floats
     */
    public record Labels(Header header, int loaded, float[] labels) {
    }

    /** Reads and validates only the header of an IDX file. */
    public static Header readHeader(Path file, Kind kind) throws IOException {
        try (InputStream in = DataFiles.open(file)) {
            return IdxHeaders.read(file, kind, in);
        }
    }

    /**
     * Reads an images file, validating all of it.
     *
     * @param limit the most images to keep (0 keeps all); the rest are still read and checked
     * @param scale divide pixels by 255 so they lie in [0, 1]
     */
    public static Images readImages(Path file, int limit, boolean scale) throws IOException {
        try (InputStream in = DataFiles.open(file)) {
            Header h = IdxHeaders.read(file, Kind.IMAGES, in);
            int loaded = loaded(h, limit);
            float[] pixels = Matrices.allocate(loaded, h.itemBytes(), file + ": " + loaded + " images of "
                    + h.rows() + "x" + h.columns());
            float[] table = new float[256];
            for (int i = 0; i < table.length; i++) {
                table[i] = scale ? i / 255f : i;
            }
            long keep = pixels.length;
            readData(h, in, (buf, offset, n) -> {
                int end = (int) Math.min(n, Math.max(0, keep - offset));
                for (int i = 0; i < end; i++) {
                    pixels[(int) offset + i] = table[buf[i] & 0xFF];
                }
            });
            return new Images(h, loaded, pixels);
        }
    }

    /**
     * Reads a labels file, validating all of it.
     *
     * @param limit   the most labels to keep (0 keeps all); the rest are still read and checked
     * @param classes labels must lie in {@code 0..classes-1}
     */
    public static Labels readLabels(Path file, int limit, int classes) throws IOException {
        try (InputStream in = DataFiles.open(file)) {
            Header h = IdxHeaders.read(file, Kind.LABELS, in);
            int loaded = loaded(h, limit);
            float[] labels = Matrices.allocate(loaded, 1, file + ": " + loaded + " labels");
            readData(h, in, (buf, offset, n) -> {
                for (int i = 0; i < n; i++) {
                    int label = buf[i] & 0xFF;
                    if (label >= classes) {
                        throw new DataException(file + ": label " + label + " at index " + (offset + i)
                                + " is out of range: with " + classes + " classes labels must be 0.." + (classes - 1));
                    }
                    if (offset + i < loaded) {
                        labels[(int) offset + i] = label;
                    }
                }
            });
            return new Labels(h, loaded, labels);
        }
    }

    private static int loaded(Header h, int limit) {
        return limit <= 0 ? h.count() : Math.min(limit, h.count());
    }

    @FunctionalInterface
    private interface Chunk {
        void accept(byte[] buf, long offset, int n);
    }

    private static void readData(Header h, InputStream in, Chunk chunk) throws IOException {
        long dataBytes = h.totalBytes() - h.kind().headerBytes;
        byte[] buf = new byte[(int) Math.min(BUFFER, dataBytes)];
        long done = 0;
        while (done < dataBytes) {
            int want = (int) Math.min(buf.length, dataBytes - done);
            int n;
            try {
                n = readFully(in, buf, want);
            } catch (GzipStreamException e) {
                if (e.cutOff()) {
                    throw IdxProblems.truncated(h, e.position(), true);
                }
                throw e;
            }
            chunk.accept(buf, done, n);
            if (n < want) {
                throw IdxProblems.truncated(h, h.kind().headerBytes + done + n, false);
            }
            done += n;
        }
        checkNothingFollows(h, in, buf);
    }

    /** After the announced data the stream must end, and a gzip stream must end with its trailer. */
    private static void checkNothingFollows(Header h, InputStream in, byte[] buf) throws IOException {
        long extra;
        try {
            extra = drain(in, buf);
        } catch (GzipStreamException e) {
            if (e.cutOff() && e.position() == h.totalBytes()) {
                throw new DataException(h.file() + ": truncated: the gzip stream holds all " + h.describe()
                        + " but is cut off before its end (the checksum is missing); copy or download the file again", e);
            }
            if (e.cutOff()) {
                throw IdxProblems.trailing(h, e.position());
            }
            throw e;
        }
        if (extra > 0) {
            throw IdxProblems.trailing(h, h.totalBytes() + extra);
        }
    }

    static String describe(Kind kind, int count, int rows, int columns, BigInteger total) {
        return kind == Kind.IMAGES
                ? count + " images of " + rows + "x" + columns + " (" + total + " bytes)"
                : count + " labels (" + total + " bytes)";
    }

    /** Reads until {@code want} bytes or the end of the stream; returns how many were read. */
    static int readFully(InputStream in, byte[] buf, int want) throws IOException {
        int total = 0;
        while (total < want) {
            int n = in.read(buf, total, want - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** Reads to the end of the stream, returning how many bytes were left. */
    private static long drain(InputStream in, byte[] buf) throws IOException {
        long total = 0;
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            total += n;
        }
        return total;
    }
}
