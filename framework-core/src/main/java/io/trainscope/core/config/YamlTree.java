package io.trainscope.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses config text into a Jackson tree, refusing what YAML would otherwise accept silently:
 * a key given twice in one map (named with both lines), explicit tags, anchors and aliases
 * ({@link StrictYamlParser}), numbers that are not finite or not what they seem
 * ({@link YamlNumbers}), nesting deeper than {@link ConfigLimits#MAX_DEPTH} and a second
 * document. Every refusal is a {@link ConfigException} at the path of the offending value.
 */
final class YamlTree {

    private static final StrictYamlFactory FACTORY = new StrictYamlFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String origin;
    private JsonParser parser;
    /** The path of the value being read, for refusals raised inside the parser. */
    private String where = "";

    private YamlTree(String origin) {
        this.origin = origin;
    }

    /**
     * The document's root, or null for an empty document.
     *
     * @param origin how messages name the text ("exp.yaml")
     */
    static JsonNode read(String text, String origin) {
        return new YamlTree(origin).parse(text);
    }

    private JsonNode parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            parser = p;
            if (next(where) == null) {
                return null;
            }
            JsonNode root = value("", 1);
            if (next("") != null) {
                throw new ConfigException("", origin + " holds a second YAML document (from line " + line()
                        + "); a config is one document: remove the '---' and what follows, or merge the two");
            }
            return root;
        } catch (YamlRefusal e) {
            throw new ConfigException(where, where.isEmpty() ? origin + ": " + e.getMessage() : e.getMessage());
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ConfigException("", origin + " is not valid YAML" + at + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("").trim());
        } catch (IOException e) {
            throw new UncheckedIOException("reading config text from memory", e);
        }
    }

    private JsonToken next(String path) throws IOException {
        where = path;
        return parser.nextToken();
    }

    private JsonNode value(String path, int depth) throws IOException {
        JsonToken token = parser.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth > ConfigLimits.MAX_DEPTH) {
            throw new ConfigException(path, "maps and lists are nested more than " + ConfigLimits.MAX_DEPTH
                    + " deep (line " + line() + "); a config needs at most five levels");
        }
        return switch (token) {
            case START_OBJECT -> object(path, depth);
            case START_ARRAY -> array(path, depth);
            case VALUE_NUMBER_INT -> YamlNumbers.integer(parser, path);
            case VALUE_NUMBER_FLOAT -> YamlNumbers.real(parser, path);
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_STRING -> NODES.textNode(parser.getText());
            default -> throw new ConfigException(path, "line " + line() + ": a value of a kind a config cannot hold ("
                    + token + "); write a plain number, text, list or map");
        };
    }

    private ObjectNode object(String path, int depth) throws IOException {
        ObjectNode node = NODES.objectNode();
        Map<String, Integer> lines = new HashMap<>();
        while (next(path) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String child = path.isEmpty() ? key : path + "." + key;
            Integer first = lines.putIfAbsent(key, line());
            if (first != null) {
                String at = first == line() ? "twice on line " + first : "twice, on lines " + first + " and " + line();
                throw new ConfigException(child, "given " + at + "; a key may appear once in a map "
                        + "(YAML would silently keep the last): remove or merge one");
            }
            next(child);
            node.set(key, value(child, depth + 1));
        }
        return node;
    }

    private ArrayNode array(String path, int depth) throws IOException {
        ArrayNode node = NODES.arrayNode();
        for (int i = 0; next(path + "[" + i + "]") != JsonToken.END_ARRAY; i++) {
            node.add(value(path + "[" + i + "]", depth + 1));
        }
        return node;
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }
}
