package io.trainscope.core.diagnosis;

import java.util.List;

/**
 * What to change: config changes a tool can apply, and the words that explain them.
 *
 * @param changes the changes, applied in order; may be empty when the cure is not a config setting
 * @param words   the prescription in plain words
 */
public record Prescription(List<ConfigChange> changes, String words) {

    public Prescription {
        changes = List.copyOf(changes);
        words = words == null ? "" : words;
    }
}
