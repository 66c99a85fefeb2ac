package io.trainscope.core.config;

/**
 * A YAML construct a config may not use (a tag, an anchor, an alias), found by
 * {@link StrictYamlParser} while parsing; {@link YamlTree} adds the path and turns it into a
 * {@link ConfigException}.
 */
final class YamlRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    YamlRefusal(int line, String problem) {
        super("line " + line + ": " + problem, null, false, false);
    }
}
