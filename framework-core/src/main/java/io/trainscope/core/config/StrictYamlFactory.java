package io.trainscope.core.config;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.Reader;

/**
 * A {@link YAMLFactory} bounded by {@link ConfigLimits} whose parsers are {@link StrictYamlParser}s.
 *
 * <p>What bounds what: SnakeYAML's {@link LoaderOptions#setCodePointLimit code point limit} is
 * enforced by its scanner, which Jackson uses, so it holds; its alias and nesting limits are
 * enforced only by SnakeYAML's composer, which Jackson does not use, so aliases are refused by
 * {@link StrictYamlParser} instead and nesting is bounded by Jackson's
 * {@link StreamReadConstraints} (and, with a plain message, by {@link YamlTree}).
 */
final class StrictYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    StrictYamlFactory() {
        super(bounded(), null);
    }

    private static YAMLFactory bounded() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(ConfigLimits.MAX_BYTES);
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(ConfigLimits.MAX_DEPTH + 1)   // YamlTree says it first, in words
                .maxStringLength(ConfigLimits.MAX_BYTES)
                .build();
        // YAMLFactory.builder() starts with no parser features, unlike new YAMLFactory(): an empty
        // value ("dead-neurons:") must stay null, as it is for the default factory
        return YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .loaderOptions(options).streamReadConstraints(constraints).build();
    }

    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) {
        return new StrictYamlParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
    }
}
