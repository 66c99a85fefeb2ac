package io.trainscope.core.diagnosis;

import java.util.Locale;

/**
 * How bad a diagnosis is, as {@code --fail-on} names it. An {@link #ERROR} means training cannot
 * succeed as configured (or will be badly impaired); a healthy network gets none.
 */
public enum Level {
    /** Worth knowing. */
    INFO,
    /** Training is impaired. */
    WARNING,
    /** Training fails or learns almost nothing as configured. */
    ERROR;

    /** The lower-case name used on the command line and in {@code diagnosis.json}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
