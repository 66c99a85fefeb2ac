package io.trainscope.plugins.data.internal;

import io.trainscope.api.data.DataException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The messages of {@link IdxFile}'s validation: each starts with the file's path and says what
 * was expected and what was found, and ends with the fix where there is one.
 */
final class IdxProblems {

    private IdxProblems() {
    }

    static DataException empty(Path file, IdxFile.Kind kind, boolean decompressing) {
        return new DataException(file + ": " + (decompressing ? "the gzip file decompresses to nothing" : "the file is empty")
                + "; expected an IDX " + kind.noun() + " file (a header of " + kind.headerBytes()
                + " bytes followed by the data)");
    }

    /** A {@code .gz} file that is neither gzip nor the (uncompressed) IDX file it should hold. */
    static DataException notGzip(Path file, IdxFile.Kind kind, byte[] start, int n) {
        int shown = Math.min(n, 4);
        StringBuilder found = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            found.append(i == 0 ? "" : " ").append(String.format("%02X", start[i]));
        }
        return new DataException(file + ": not a gzip file although its name ends in .gz: it starts with the bytes "
                + found + ", not the gzip signature 1F 8B (nor the magic number " + hex(kind.magic())
                + " of an uncompressed IDX " + kind.noun() + " file)" + textHint(start, shown)
                + "; copy or download the file again");
    }

    static DataException wrongMagic(Path file, IdxFile.Kind kind, int magic) {
        for (IdxFile.Kind other : IdxFile.Kind.values()) {
            if (other != kind && magic == other.magic()) {
                return new DataException(file + ": wrong magic number " + hex(magic) + ": this is an IDX " + other.noun()
                        + " file, expected an IDX " + kind.noun() + " file (magic " + hex(kind.magic()) + ")");
            }
        }
        byte[] b = {(byte) (magic >>> 24), (byte) (magic >>> 16), (byte) (magic >>> 8), (byte) magic};
        boolean images = kind == IdxFile.Kind.IMAGES;
        return new DataException(file + ": wrong magic number " + hex(magic) + ", expected " + hex(kind.magic())
                + " (IDX " + kind.noun() + ": unsigned bytes, " + (images ? "3 dimensions" : "1 dimension")
                + "); this is not an IDX " + kind.noun() + " file" + textHint(b, b.length));
    }

    static DataException notPositive(Path file, IdxFile.Kind kind, int count, int rows, int columns) {
        boolean images = kind == IdxFile.Kind.IMAGES;
        String announced = images ? count + " images of " + rows + "x" + columns : count + " labels";
        return new DataException(file + ": invalid header: it announces " + announced + "; "
                + (images ? "count, rows and columns" : "the count") + " must be positive");
    }

    static DataException truncated(IdxFile.Header h, long actual, boolean gzipCutOff) {
        return new DataException(h.file() + ": truncated: the header announces " + h.describe()
                + " but the file ends after " + actual + " bytes"
                + (gzipCutOff ? " (the gzip stream is cut off)" : "") + "; copy or download the file again");
    }

    static DataException trailing(IdxFile.Header h, long actual) {
        long extra = actual - h.totalBytes();
        return new DataException(h.file() + ": " + extra + " unexpected byte" + (extra == 1 ? "" : "s")
                + " after the data: the header announces " + h.describe() + " but the file has " + actual
                + " bytes; it is not the file its header describes");
    }

    /** "; the file starts with the text "<!DO" (...)" when the bytes are printable text, else "". */
    private static String textHint(byte[] b, int n) {
        boolean text = n > 0;
        for (int i = 0; i < n; i++) {
            text &= b[i] >= 0x20 && b[i] < 0x7f || b[i] == '\n' || b[i] == '\r' || b[i] == '\t';
        }
        return text ? "; the file starts with the text \"" + new String(b, 0, n, StandardCharsets.US_ASCII).strip()
                + "\" (an error page saved by a failed download?)" : "";
    }

    private static String hex(int magic) {
        return String.format("0x%08X", magic);
    }
}
