package io.trainscope.core.diagnosis;

import java.util.List;

/**
 * One round of {@code --fix}: the diagnosis treated, the changes tried, and whether they helped.
 *
 * @param treated the diagnosis whose prescription was applied
 * @param changes the config changes tried
 * @param before  the vitals before the changes
 * @param after   the vitals with them
 * @param kept    whether the changes helped and were kept
 * @param verdict one sentence saying what happened
 */
public record CureStep(Diagnosis treated, List<ConfigChange> changes, Vitals before, Vitals after, boolean kept,
                       String verdict) {

    public CureStep {
        changes = List.copyOf(changes);
    }
}
