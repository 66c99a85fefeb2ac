package io.trainscope.api.data;

import io.trainscope.api.StableApi;

/**
 * Input data that cannot be used: a missing or truncated file, a wrong magic number, mismatched
 * counts. The message names the file and says what was expected and how to fix it.
 */
@StableApi(since = "0.1")
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
