package io.trainscope.api.plugin;

import io.trainscope.api.StableApi;

/**
 * A parameter value a plugin cannot work with. The core adds the plugin name and the config
 * path before showing it, so the message only needs to say what is wrong and what is allowed.
 */
@StableApi(since = "0.1")
public class ParameterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the name of the offending parameter, as declared in {@link ParameterSpec}
     * @param message   what is wrong and what would be accepted, e.g. "must be < high (got 0.5 >= 0.1)"
     */
    public ParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The name of the offending parameter. */
    public String parameter() {
        return parameter;
    }
}
