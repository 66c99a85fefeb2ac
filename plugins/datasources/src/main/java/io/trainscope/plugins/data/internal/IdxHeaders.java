package io.trainscope.plugins.data.internal;

import io.trainscope.api.data.DataException;
import io.trainscope.plugins.data.internal.IdxFile.Header;
import io.trainscope.plugins.data.internal.IdxFile.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and validates the header of an IDX file for {@link IdxFile}: what the file starts with,
 * the announced dimensions, and whether the file on disk can hold what the header announces,
 * all before anything is allocated for the data.
 */
final class IdxHeaders {

    private IdxHeaders() {
    }

    /** Reads and validates the header at the start of {@code in}, opened on {@code file} by {@link DataFiles#open}. */
    static Header read(Path file, Kind kind, InputStream in) throws IOException {
        byte[] bytes = new byte[kind.headerBytes()];
        int n;
        try {
            n = IdxFile.readFully(in, bytes, bytes.length);
        } catch (GzipStreamException e) {
            if (!e.cutOff()) {
                throw e;
            }
            n = (int) e.position();
        }
        checkStart(file, kind, in, bytes, n);
        int count = readInt(bytes, 4);
        int rows = kind == Kind.IMAGES ? readInt(bytes, 8) : 1;
        int columns = kind == Kind.IMAGES ? readInt(bytes, 12) : 1;
        if (count <= 0 || rows <= 0 || columns <= 0) {
            throw IdxProblems.notPositive(file, kind, count, rows, columns);
        }
        BigInteger total = BigInteger.valueOf(count).multiply(BigInteger.valueOf(rows))
                .multiply(BigInteger.valueOf(columns)).add(BigInteger.valueOf(kind.headerBytes()));
        if (total.compareTo(BigInteger.valueOf(IdxFile.MAX_FILE_BYTES)) > 0) {
            throw new DataException(file + ": the header announces " + IdxFile.describe(kind, count, rows, columns,
                    total) + ", more than the " + IdxFile.MAX_FILE_BYTES + " bytes an IDX file may have here: "
                    + "the header is corrupt");
        }
        Header h = new Header(file, kind, count, rows, columns);
        checkPlausibleSize(h, in);
        return h;
    }

    /**
     * Checks the first {@code n} bytes, in the order a user must fix things: an empty file, then a
     * {@code .gz} file that is not gzip (nor the plain IDX file), then the magic number, then a
     * file that ends inside its header.
     */
    private static void checkStart(Path file, Kind kind, InputStream in, byte[] bytes, int n) {
        boolean decompressing = DataFiles.isDecompressing(in);
        if (n == 0) {
            throw IdxProblems.empty(file, kind, decompressing);
        }
        boolean magicMatches = n >= 4 && readInt(bytes, 0) == kind.magic();
        if (!magicMatches && !decompressing && file.getFileName().toString().endsWith(".gz")) {
            throw IdxProblems.notGzip(file, kind, bytes, n);
        }
        if (n >= 4 && !magicMatches) {
            throw IdxProblems.wrongMagic(file, kind, readInt(bytes, 0));
        }
        if (n < bytes.length) {
            throw new DataException(file + ": truncated: the file ends after " + n + " bytes, inside the "
                    + kind.headerBytes() + "-byte header of an IDX " + kind.noun() + " file");
        }
    }

    /** Compares the announced size with what the file on disk can hold, before anything is allocated. */
    private static void checkPlausibleSize(Header h, InputStream in) throws IOException {
        long onDisk = Files.size(h.file());
        long expected = h.totalBytes();
        if (DataFiles.isDecompressing(in)) {
            long bound = onDisk * IdxFile.MAX_GZIP_RATIO + 1024;
            if (expected > bound) {
                throw new DataException(h.file() + ": the header announces " + h.describe() + ", but a gzip file of "
                        + onDisk + " bytes cannot hold more than about " + bound
                        + " bytes: the file is truncated or its header corrupt");
            }
        } else if (onDisk < expected) {
            throw IdxProblems.truncated(h, onDisk, false);
        } else if (onDisk > expected) {
            throw IdxProblems.trailing(h, onDisk);
        }
    }

    static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
