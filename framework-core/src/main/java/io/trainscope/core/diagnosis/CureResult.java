package io.trainscope.core.diagnosis;

import java.util.List;

/**
 * What {@code --fix} did: the rounds, the cured config, the diagnoses before and after, and a short
 * training of both configs.
 *
 * @param steps       the rounds, in order
 * @param curedConfig the config with every kept change
 * @param before      the original config's diagnosis
 * @param after       the cured config's diagnosis
 * @param metric      the validation metric compared ({@code accuracy}, else {@code loss})
 * @param scoreBefore the metric after the short training of the original config (NaN when unavailable)
 * @param scoreAfter  the metric after the short training of the cured config
 * @param epochs      the short training's epochs
 */
public record CureResult(List<CureStep> steps, ConfigSource curedConfig, DiagnosisReport before, DiagnosisReport after,
                         String metric, double scoreBefore, double scoreAfter, int epochs) {

    public CureResult {
        steps = List.copyOf(steps);
    }

    /** The changes kept, in order. */
    public List<ConfigChange> kept() {
        return steps.stream().filter(CureStep::kept).flatMap(s -> s.changes().stream()).toList();
    }

    /** Whether the cured config has no error-level diagnosis while the original had one. */
    public boolean cured() {
        return !before.atLeast(Level.ERROR).isEmpty() && after.atLeast(Level.ERROR).isEmpty();
    }
}
