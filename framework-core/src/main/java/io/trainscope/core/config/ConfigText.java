package io.trainscope.core.config;

import io.trainscope.core.TrainscopeException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a config file as text: refused before it is read when it is larger than
 * {@link ConfigLimits#MAX_BYTES} (at most that many bytes plus one are ever read, so even an
 * endless stream is refused at once), and decoded as strict UTF-8, naming the offset and line of
 * the first byte that is not UTF-8. A leading byte-order mark is dropped.
 */
public final class ConfigText {

    private ConfigText() {
    }

    /**
     * The text of a config file.
     *
     * @throws TrainscopeException when the file is missing, unreadable, too large or not UTF-8
     */
    public static String read(Path file) {
        return decode(readBounded(file), file.toString());
    }

    /** Refuses config text longer than {@link ConfigLimits#MAX_BYTES} characters. */
    static void checkLength(String text, String origin) {
        if (text.length() > ConfigLimits.MAX_BYTES) {
            throw new ConfigException("", origin + " is " + text.length() + " characters long, more than the "
                    + ConfigLimits.MAX_BYTES + " a config may have; is it the right text?");
        }
    }

    private static byte[] readBounded(Path file) {
        if (Files.isDirectory(file)) {
            throw new TrainscopeException("config file " + file + " is a directory; pass the path of a YAML file in it");
        }
        try {
            long size = Files.isRegularFile(file) ? Files.size(file) : -1;
            if (size > ConfigLimits.MAX_BYTES) {
                throw tooLarge(file + " is " + size + " bytes, more than");
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(ConfigLimits.MAX_BYTES + 1);
                if (bytes.length > ConfigLimits.MAX_BYTES) {
                    throw tooLarge(file + " holds more than");
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new TrainscopeException("config file " + file + " does not exist; pass the path of a YAML file "
                    + "such as examples/configs/seed000-sigmoid-normal.yaml");
        } catch (IOException e) {
            throw new TrainscopeException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    private static ConfigException tooLarge(String what) {
        return new ConfigException("", what + " the " + ConfigLimits.maxBytes()
                + " a config may have; is it the right file?");
    }

    /** Strict UTF-8; a UTF-16 file and the first malformed byte are named. */
    static String decode(byte[] bytes, String origin) {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            throw new ConfigException("", origin + " is not UTF-8 text: it starts with a UTF-16 byte-order mark; "
                    + "save it as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw new ConfigException("", origin + " is not UTF-8 text: the byte " + String.format("0x%02X", bytes[at])
                    + " at offset " + at + " (line " + lineOf(bytes, at) + ") is not valid UTF-8; save the file as UTF-8");
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
