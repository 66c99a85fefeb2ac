package io.trainscope.core.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * One change to a config, as a sweep entry names it: a path ({@code model.init},
 * {@code training.optimizer.learning-rate}, {@code model.hidden[1]}) and the value to set there.
 *
 * @param path  the config path
 * @param value the value (a copy is set)
 * @param why   one sentence: why this value
 */
public record ConfigChange(String path, JsonNode value, String why) {

    public ConfigChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        why = why == null ? "" : why;
    }

    /** {@code path: value} as a config line would read. */
    public String describe() {
        return path + ": " + (value.isTextual() ? value.asText() : value.toString().replace("\"", "").replace(",", ", "));
    }
}
