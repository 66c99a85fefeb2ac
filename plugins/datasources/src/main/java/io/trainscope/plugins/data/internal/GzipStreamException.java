package io.trainscope.plugins.data.internal;

import io.trainscope.api.data.DataException;

import java.nio.file.Path;

/**
 * A gzip stream that ends too early or does not decompress. Carries where in the uncompressed
 * data it happened, so readers that know what they expected can say more.
 */
public final class GzipStreamException extends DataException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long position;
    private final boolean cutOff;

    GzipStreamException(Path file, long position, boolean cutOff, Throwable cause) {
        super(message(file, position, cutOff, cause), cause);
        this.file = file;
        this.position = position;
        this.cutOff = cutOff;
    }

    private static String message(Path file, long position, boolean cutOff, Throwable cause) {
        if (cutOff) {
            return file + ": truncated: the gzip stream is cut off after " + position
                    + " bytes of uncompressed data; copy or download the file again";
        }
        return file + ": corrupt gzip stream after " + position + " bytes of uncompressed data ("
                + cause.getMessage() + "); copy or download the file again";
    }

    /** The compressed file. */
    public Path file() {
        return file;
    }

    /** How many uncompressed bytes were read before the stream failed. */
    public long position() {
        return position;
    }

    /** True when the compressed stream simply ends too early; false when it is damaged. */
    public boolean cutOff() {
        return cutOff;
    }
}
