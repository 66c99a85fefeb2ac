package io.trainscope.core;

/**
 * An error caused by what the user gave trainscope (a config, a plugin name, a data file), with
 * a message that names the problem and the fix. The CLI prints the message as one line and exits
 * with status 2; no stack trace is shown for these.
 */
public class TrainscopeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainscopeException(String message) {
        super(message);
    }

    public TrainscopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
