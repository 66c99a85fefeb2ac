package io.trainscope.core.config;

/**
 * The bounds a config must stay within, checked before or while it is parsed so that a wrong
 * file is refused at once with a plain message. Documented in {@code docs/config.md}.
 *
 * <p>The size bound comes first, before a byte is parsed: SnakeYAML's scanner copies its window
 * for every chunk of a long scalar, so parsing time grows with the square of the longest scalar
 * (one 1 MiB scalar took about 0.8 s, one 5 MB scalar over a minute). Real configs are a few
 * kilobytes.
 */
public final class ConfigLimits {

    /** The largest config file, in bytes (or characters, for config text given directly): 256 KiB. */
    public static final int MAX_BYTES = 256 * 1024;

    /** How deep maps and lists may nest; the config format itself needs five levels. */
    public static final int MAX_DEPTH = 20;

    private ConfigLimits() {
    }

    /** {@link #MAX_BYTES} in words, for messages: "262144 bytes (256 KiB)". */
    static String maxBytes() {
        return MAX_BYTES + " bytes (" + MAX_BYTES / 1024 + " KiB)";
    }
}
