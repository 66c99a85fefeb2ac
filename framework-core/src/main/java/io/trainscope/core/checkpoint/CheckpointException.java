package io.trainscope.core.checkpoint;

import io.trainscope.core.TrainscopeException;

/** A checkpoint that cannot be written or read, with its path and the reason. */
public class CheckpointException extends TrainscopeException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }

    public CheckpointException(String message) {
        super(message);
    }
}
