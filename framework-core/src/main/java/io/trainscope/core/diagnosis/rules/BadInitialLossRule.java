package io.trainscope.core.diagnosis.rules;

import io.trainscope.core.diagnosis.Ailment;
import io.trainscope.core.diagnosis.Changes;
import io.trainscope.core.diagnosis.Diagnosis;
import io.trainscope.core.diagnosis.LayerFacts;
import io.trainscope.core.diagnosis.Level;
import io.trainscope.core.diagnosis.Prescription;
import io.trainscope.core.diagnosis.Readings;
import io.trainscope.core.diagnosis.Rule;
import io.trainscope.core.diagnosis.Vocabulary;

import java.util.List;
import java.util.Optional;

import static io.trainscope.core.diagnosis.Readings.num;

/**
 * An initial loss far above an uninformed network's (seed 002's first check: ln 10 = 2.30 for
 * ten classes): the output layer starts confidently wrong and the first iterations only undo it.
 */
public final class BadInitialLossRule implements Rule {

    /** Initial loss over {@code ln C} above which it is far off: the initial-loss monitor's factor 3. */
    public static final double FACTOR = 3.0;
    /** Ten times off: the first iterations are spent undoing the initialization. */
    public static final double SEVERE_FACTOR = 10.0;

    @Override
    public Optional<Diagnosis> examine(Readings r) {
        double ratio = r.initialLossRatio();
        if (!(ratio > FACTOR)) {
            return Optional.empty();
        }
        LayerFacts out = r.network().output();
        return Optional.of(Diagnosis.of(Ailment.BAD_INITIAL_LOSS, ratio > SEVERE_FACTOR ? Level.ERROR : Level.WARNING,
                List.of(out.name()), "The initial loss " + num(r.atStart(Vocabulary.LOSS_AT_START)) + " is " + num(ratio)
                        + "x what an uninformed network gets (" + num(r.atStart(Vocabulary.LOSS_EXPECTED)) + ").",
                List.of("initial loss / expected: " + num(ratio) + " (threshold " + num(FACTOR) + ")",
                        "output layer: fan-in " + out.fanIn() + ", std x sqrt(fan-in) " + num(out.gain())
                                + " (logits of std about 1 want about 1)"),
                "The output layer's initial weights are too large for its " + out.fanIn() + " inputs, so the logits "
                        + "start large and confidently wrong.",
                new Prescription(List.of(Changes.init(r.network().shape())), "Initialize to the layer width ("
                        + r.network().shape().rightInitializer() + "), which scales the output layer to its fan-in.")));
    }
}
