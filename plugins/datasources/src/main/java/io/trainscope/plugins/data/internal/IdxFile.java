package io.trainscope.plugins.data.internal;

import io.trainscope.api.data.DataException;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and validates IDX files of unsigned bytes, the format of MNIST and Fashion-MNIST:
 * images ({@code idx3}: magic {@code 0x00000803}, count, rows, columns, then the pixels row by
 * row) and labels ({@code idx1}: magic {@code 0x00000801}, count, then one byte per label). All
 * header integers are big-endian. Files may be gzip-compressed (see {@link DataFiles#open}).
 *
 * <h2>Validation</h2>
 * Every failure is a {@link DataException} whose message starts with the file's path and says
 * what the header announced and what was found:
 * <ul>
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
            return header(file, kind, in);
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
            Header h = header(file, Kind.IMAGES, in);
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
            Header h = header(file, Kind.LABELS, in);
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

    private static Header header(Path file, Kind kind, InputStream in) throws IOException {
        byte[] bytes = new byte[kind.headerBytes];
        int n;
        try {
            n = readFully(in, bytes, bytes.length);
        } catch (GzipStreamException e) {
            if (!e.cutOff()) {
                throw e;
            }
            n = (int) e.position();
        }
        if (n >= 4) {
            checkMagic(file, kind, readInt(bytes, 0));
        }
        if (n == 0) {
            throw new DataException(file + ": the file is empty; expected an IDX " + kind.noun + " file (a header of "
                    + kind.headerBytes + " bytes followed by the data)");
        }
        if (n < bytes.length) {
            throw new DataException(file + ": truncated: the file ends after " + n + " bytes, inside the "
                    + kind.headerBytes + "-byte header of an IDX " + kind.noun + " file");
        }
        int count = readInt(bytes, 4);
        int rows = kind == Kind.IMAGES ? readInt(bytes, 8) : 1;
        int columns = kind == Kind.IMAGES ? readInt(bytes, 12) : 1;
        if (count <= 0 || rows <= 0 || columns <= 0) {
            String announced = kind == Kind.IMAGES ? count + " images of " + rows + "x" + columns : count + " labels";
            throw new DataException(file + ": invalid header: it announces " + announced + "; "
                    + (kind == Kind.IMAGES ? "count, rows and columns" : "the count") + " must be positive");
        }
        BigInteger total = BigInteger.valueOf(count).multiply(BigInteger.valueOf(rows))
                .multiply(BigInteger.valueOf(columns)).add(BigInteger.valueOf(kind.headerBytes));
        String described = describe(kind, count, rows, columns, total);
        if (total.compareTo(BigInteger.valueOf(MAX_FILE_BYTES)) > 0) {
            throw new DataException(file + ": the header announces " + described + ", more than the "
                    + MAX_FILE_BYTES + " bytes an IDX file may have here: the header is corrupt");
        }
        Header h = new Header(file, kind, count, rows, columns);
        checkPlausibleSize(h, in);
        return h;
    }

    /** Compares the announced size with what the file on disk can hold, before anything is allocated. */
    private static void checkPlausibleSize(Header h, InputStream in) throws IOException {
        long onDisk = Files.size(h.file());
        long expected = h.totalBytes();
        if (DataFiles.isDecompressing(in)) {
            long bound = onDisk * MAX_GZIP_RATIO + 1024;
            if (expected > bound) {
                throw new DataException(h.file() + ": the header announces " + h.describe() + ", but a gzip file of "
                        + onDisk + " bytes cannot hold more than about " + bound
                        + " bytes: the file is truncated or its header corrupt");
            }
        } else if (onDisk < expected) {
            throw truncated(h, onDisk, false);
        } else if (onDisk > expected) {
            throw trailing(h, onDisk);
        }
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
                    throw truncated(h, e.position(), true);
                }
                throw e;
            }
            chunk.accept(buf, done, n);
            if (n < want) {
                throw truncated(h, h.kind().headerBytes + done + n, false);
            }
            done += n;
        }
        long extra;
        try {
            extra = drain(in, buf);
        } catch (GzipStreamException e) {
            if (e.cutOff() && e.position() == h.totalBytes()) {
                throw new DataException(h.file() + ": truncated: the gzip stream holds all " + h.describe()
                        + " but is cut off before its end (the checksum is missing); copy or download the file again", e);
            }
            if (e.cutOff()) {
                throw trailing(h, e.position());
            }
            throw e;
        }
        if (extra > 0) {
            throw trailing(h, h.totalBytes() + extra);
        }
    }

    private static DataException truncated(Header h, long actual, boolean gzipCutOff) {
        return new DataException(h.file() + ": truncated: the header announces " + h.describe()
                + " but the file ends after " + actual + " bytes"
                + (gzipCutOff ? " (the gzip stream is cut off)" : "") + "; copy or download the file again");
    }

    private static DataException trailing(Header h, long actual) {
        long extra = actual - h.totalBytes();
        return new DataException(h.file() + ": " + extra + " unexpected byte" + (extra == 1 ? "" : "s") + " after the data: "
                + "the header announces " + h.describe() + " but the file has " + actual
                + " bytes; it is not the file its header describes");
    }

    private static void checkMagic(Path file, Kind kind, int magic) {
        if (magic == kind.magic) {
            return;
        }
        String expected = String.format("0x%08X", kind.magic);
        String found = String.format("0x%08X", magic);
        for (Kind other : Kind.values()) {
            if (other != kind && magic == other.magic) {
                throw new DataException(file + ": wrong magic number " + found + ": this is an IDX " + other.noun
                        + " file, expected an IDX " + kind.noun + " file (magic " + expected + ")");
            }
        }
        String hint = "";
        byte[] b = {(byte) (magic >>> 24), (byte) (magic >>> 16), (byte) (magic >>> 8), (byte) magic};
        boolean text = true;
        for (byte x : b) {
            text &= x >= 0x20 && x < 0x7f || x == '\n' || x == '\r' || x == '\t';
        }
        if (text) {
            hint = "; the file starts with the text \"" + new String(b, StandardCharsets.US_ASCII).strip()
                    + "\" (an error page saved by a failed download?)";
        }
        throw new DataException(file + ": wrong magic number " + found + ", expected " + expected
                + " (IDX " + kind.noun + ": unsigned bytes, " + (kind == Kind.IMAGES ? 3 : 1) + " dimension"
                + (kind == Kind.IMAGES ? "s" : "") + "); this is not an IDX " + kind.noun + " file" + hint);
    }

    private static String describe(Kind kind, int count, int rows, int columns, BigInteger total) {
        return kind == Kind.IMAGES
                ? count + " images of " + rows + "x" + columns + " (" + total + " bytes)"
                : count + " labels (" + total + " bytes)";
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /** Reads until {@code want} bytes or the end of the stream; returns how many were read. */
    private static int readFully(InputStream in, byte[] buf, int want) throws IOException {
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
