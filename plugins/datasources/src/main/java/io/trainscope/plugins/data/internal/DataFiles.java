package io.trainscope.plugins.data.internal;

import io.trainscope.api.data.DataException;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens data files, decompressing gzip transparently. Gzip is recognised by its magic bytes
 * {@code 1f 8b}, not by the file name, so {@code x.gz} holding plain bytes and {@code x} holding
 * gzip both work.
 */
public final class DataFiles {

    private static final int BUFFER = 1 << 16;

    private DataFiles() {
    }

    /** Whether {@code in} is a stream {@link #open} returned for a gzip file. */
    public static boolean isDecompressing(InputStream in) {
        return in instanceof Gunzip;
    }

    /**
     * Checks that {@code file} exists and is a regular file.
     *
     * @param what how the file is referred to in the message, e.g. "CSV file"
     * @throws DataException naming the file otherwise
     */
    public static Path requireRegularFile(Path file, String what) {
        if (!Files.exists(file)) {
            throw new DataException(file + ": no such " + what);
        }
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + ": not a regular file; expected a " + what);
        }
        return file;
    }

    /**
     * Opens a buffered stream of the file's content, uncompressed if the file is gzip. A gzip
     * stream that is cut off or damaged throws {@link GzipStreamException} (unchecked, so it
     * passes through readers) instead of a bare {@code EOFException} or {@code ZipException}.
     */
    public static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            if (!gzip) {
                return raw;
            }
            try {
                return new Gunzip(file, new GZIPInputStream(raw, BUFFER));
            } catch (EOFException e) {
                throw new GzipStreamException(file, 0, true, e);
            } catch (ZipException e) {
                throw new GzipStreamException(file, 0, false, e);
            }
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Counts uncompressed bytes and turns gzip failures into {@link GzipStreamException}. */
    private static final class Gunzip extends FilterInputStream {
        private final Path file;
        private long position;

        Gunzip(Path file, InputStream in) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            int b = guarded(() -> super.read());
            if (b >= 0) {
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = guarded(() -> super.read(b, off, len));
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = guarded(() -> (int) super.skip(Math.min(n, Integer.MAX_VALUE)));
            position += skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private int guarded(IoCall call) throws IOException {
            try {
                return call.run();
            } catch (EOFException e) {
                throw new GzipStreamException(file, position, true, e);
            } catch (ZipException e) {
                throw new GzipStreamException(file, position, false, e);
            }
        }
    }

    @FunctionalInterface
    private interface IoCall {
        int run() throws IOException;
    }
}
