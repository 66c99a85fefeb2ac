package io.trainscope.api.plugin;

import io.trainscope.api.StableApi;

/** The value type of a declared plugin parameter. */
@StableApi(since = "0.1")
public enum ParameterType {
    /** A floating-point number, read with {@link Parameters#real(String)}. */
    REAL("a number"),
    /** A whole number, read with {@link Parameters#integer(String)}. */
    INTEGER("an integer"),
    /** {@code true} or {@code false}, read with {@link Parameters#bool(String)}. */
    BOOLEAN("true or false"),
    /** One of a fixed set of words, read with {@link Parameters#text(String)}. */
    CHOICE("one of"),
    /** Free text such as a path, read with {@link Parameters#text(String)}. */
    TEXT("a text"),
    /** A list of numbers, read with {@link Parameters#realList(String)}. */
    REAL_LIST("a list of numbers");

    private final String noun;

    ParameterType(String noun) {
        this.noun = noun;
    }

    /** How the type reads in an error message ("a number", "an integer", ...). */
    public String noun() {
        return noun;
    }
}
