package io.trainscope.core.config;

import io.trainscope.core.TrainscopeException;

/**
 * A config value that cannot be used, reported with the path of the offending field:
 * {@code model.init.std: must be a number > 0, got -1.0}.
 */
public class ConfigException extends TrainscopeException {
    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param path    the dotted path of the field ({@code training.batch-size}, {@code model.hidden[2]})
     * @param problem what is wrong and what is allowed
     */
    public ConfigException(String path, String problem) {
        super(path == null || path.isEmpty() ? problem : path + ": " + problem);
        this.path = path;
    }

    /** The dotted path of the offending field; empty for the whole file. */
    public String path() {
        return path == null ? "" : path;
    }
}
