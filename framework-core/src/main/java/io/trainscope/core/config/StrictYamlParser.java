package io.trainscope.core.config;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

import java.io.Reader;

/**
 * Jackson's YAML parser with every SnakeYAML event checked before Jackson sees it: explicit tags
 * ({@code !!java.util.HashMap}, {@code !foo}, {@code !!str}), anchors and aliases are refused
 * with a {@link YamlRefusal} naming the line. Jackson would ignore a tag silently and read an
 * alias as the text of its anchor's name; a config holds plain values only, so nothing is ever
 * created from one, and an alias can never be expanded (no "billion laughs").
 */
final class StrictYamlParser extends YAMLParser {

    private static final String STANDARD_TAG = "tag:yaml.org,2002:";

    StrictYamlParser(IOContext context, int parserFeatures, int formatFeatures, LoaderOptions options,
                     ObjectCodec codec, Reader reader) {
        super(context, parserFeatures, formatFeatures, options, codec, reader);
    }

    @Override
    protected Event getEvent() {
        Event event = super.getEvent();
        if (event == null) {
            return null;
        }
        int line = event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
        if (event instanceof AliasEvent alias) {
            throw new YamlRefusal(line, "the YAML alias '*" + alias.getAnchor() + "' is not allowed in a config "
                    + "(aliases are never expanded); write the value out in full");
        }
        if (event instanceof NodeEvent node && node.getAnchor() != null) {
            throw new YamlRefusal(line, "the YAML anchor '&" + node.getAnchor() + "' is not allowed in a config "
                    + "(aliases are never expanded); remove it and write values out in full");
        }
        String tag = event instanceof ScalarEvent scalar ? scalar.getTag()
                : event instanceof CollectionStartEvent collection ? collection.getTag() : null;
        if (tag != null) {
            throw new YamlRefusal(line, "the YAML tag '" + spelled(tag) + "' is not allowed in a config "
                    + "(a config holds plain values and nothing is created from it); remove the tag");
        }
        return event;
    }

    /** The tag as it was written: {@code tag:yaml.org,2002:str} back to {@code !!str}. */
    private static String spelled(String tag) {
        return tag.startsWith(STANDARD_TAG) ? "!!" + tag.substring(STANDARD_TAG.length()) : tag;
    }
}
