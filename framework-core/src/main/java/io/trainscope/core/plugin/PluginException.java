package io.trainscope.core.plugin;

import io.trainscope.core.TrainscopeException;

/** A problem with the set of plugins on the classpath: duplicate names, bad names, broken service entries. */
public class PluginException extends TrainscopeException {
    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
