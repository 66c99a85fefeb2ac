package io.trainscope.core.diagnosis.rules;

import io.trainscope.core.diagnosis.Ailment;
import io.trainscope.core.diagnosis.Changes;
import io.trainscope.core.diagnosis.Diagnosis;
import io.trainscope.core.diagnosis.Level;
import io.trainscope.core.diagnosis.Prescription;
import io.trainscope.core.diagnosis.Readings;
import io.trainscope.core.diagnosis.Rule;
import io.trainscope.core.diagnosis.Vocabulary;

import java.util.List;
import java.util.Optional;

import static io.trainscope.core.diagnosis.Readings.num;

/**
 * A saturating network too deep to train without normalization even when well initialized:
 * sigmoid's derivative is at most 0.25, so ten sigmoid layers with Glorot weights still shrink the
 * gradient about 1e-7-fold (seed 000's network with xavier-normal). Glorot and Bengio (2010)
 * report the same for deep sigmoid networks.
 */
public final class TooDeepRule implements Rule {

    /** Hidden layers from which a saturating network counts as deep (Glorot and Bengio's networks had 5). */
    public static final int DEEP_LAYERS = 5;

    /** Whether the readings show a well-initialized deep saturating network whose gradients vanish. */
    static boolean applies(Readings r) {
        return Signs.saturating(r) && r.network().depth() >= DEEP_LAYERS && !r.network().batchnorm()
                && !Signs.initOff(r) && r.gradientRatio() < Signs.VANISHING_RATIO;
    }

    @Override
    public Optional<Diagnosis> examine(Readings r) {
        if (!applies(r)) {
            return Optional.empty();
        }
        Level level = r.gradientRatio() < VanishingGradientsRule.SEVERE_RATIO ? Level.ERROR : Level.WARNING;
        return Optional.of(Diagnosis.of(Ailment.TOO_DEEP, level, List.of(),
                r.network().depth() + " " + r.network().activation() + " layers without normalization: the gradient "
                        + "shrinks " + num(1 / r.gradientRatio()) + "-fold from the last hidden layer to the first.",
                List.of(Signs.ratioLine(r), Signs.gainLine(r) + " (right)", "depth " + r.network().depth()
                        + " hidden layers (deep from " + DEEP_LAYERS + "), no normalization layer"),
                "Each " + r.network().activation() + " layer multiplies the backward signal by its derivative, at most "
                        + "0.25 for sigmoid and below 1 for tanh; the right initialization cannot undo that over "
                        + r.network().depth() + " layers.",
                new Prescription(List.of(Changes.addNormalizer(r.probe().source(), Vocabulary.BATCHNORM, false,
                        "batchnorm rescales every layer's pre-activations so each layer passes the gradient on")),
                        "Add batchnorm to the hidden layers, or use fewer layers, or a relu-like activation with "
                                + "he-normal.")));
    }
}
