package io.trainscope.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Turns YAML number tokens into tree nodes, refusing numbers that are not finite or would be read
 * as something other than what was written: {@code .nan}, {@code .inf}, {@code -.inf}, a literal
 * beyond the range of a double ({@code 1e400}, which Jackson reads as Infinity) or too small to
 * tell from 0 ({@code 1e-400}), an integer with a leading zero (YAML reads {@code 017} as octal
 * 15) and numbers with more than {@value #MAX_CHARS} characters. Integers beyond {@code long}
 * stay exact (as big integers) so that fields can name their own range.
 */
final class YamlNumbers {

    /** The longest number literal accepted; 40 characters hold every long and every double's digits. */
    static final int MAX_CHARS = 40;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NOT_FINITE = Pattern.compile("[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)");
    private static final Pattern OCTAL = Pattern.compile("[-+]?0[0-9_]+");

    private YamlNumbers() {
    }

    static JsonNode integer(JsonParser parser, String path) throws IOException {
        String text = checkLength(parser.getText(), path);
        if (OCTAL.matcher(text).matches()) {
            throw new ConfigException(path, "got " + text + ", which YAML reads as the octal number "
                    + parser.getNumberValue() + " because of the leading 0; write the number without it");
        }
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    static JsonNode real(JsonParser parser, String path) throws IOException {
        String text = checkLength(parser.getText(), path);
        if (NOT_FINITE.matcher(text).matches()) {
            throw new ConfigException(path, "must be a finite number, got " + text);
        }
        double value;
        try {
            value = parser.getDoubleValue();
        } catch (JsonProcessingException e) {
            throw new ConfigException(path, "got " + text + ", which is not a decimal number; write it like 0.5 or 1e-3");
        }
        if (Double.isInfinite(value)) {
            throw new ConfigException(path, "must be a finite number, got " + text
                    + ", outside the range of a double (about -1.8e308 to 1.8e308)");
        }
        if (value == 0 && text.split("[eE]")[0].matches(".*[1-9].*")) {
            throw new ConfigException(path, "got " + text + ", too small to tell from 0 "
                    + "(the smallest positive double is about 4.9e-324); write 0 if 0 is meant");
        }
        return NODES.numberNode(value);
    }

    private static String checkLength(String text, String path) {
        if (text.length() > MAX_CHARS) {
            throw new ConfigException(path, "got a number of " + text.length() + " characters ("
                    + text.substring(0, 12) + "...); numbers may have at most " + MAX_CHARS);
        }
        return text;
    }
}
