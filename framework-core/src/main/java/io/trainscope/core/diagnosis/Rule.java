package io.trainscope.core.diagnosis;

import java.util.Optional;

/**
 * Names one pathology from a probe's readings. A rule looks for its own pathology only and says
 * nothing about the others: which one is the root cause is the {@link Ranking}'s business.
 */
@FunctionalInterface
public interface Rule {

    /** The diagnosis when the readings show the rule's pathology, else empty. */
    Optional<Diagnosis> examine(Readings readings);
}
