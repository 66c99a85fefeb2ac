package io.trainscope.core.diagnosis.rules;

import io.trainscope.core.diagnosis.Ailment;
import io.trainscope.core.diagnosis.Changes;
import io.trainscope.core.diagnosis.Diagnosis;
import io.trainscope.core.diagnosis.Level;
import io.trainscope.core.diagnosis.Prescription;
import io.trainscope.core.diagnosis.Readings;
import io.trainscope.core.diagnosis.Rule;
import io.trainscope.core.diagnosis.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.trainscope.core.diagnosis.Readings.num;

/**
 * Activations or logits that grow layer by layer (seed 001: randn weights blow up the softmax):
 * an activation that does not saturate passes on whatever a too-wide initialization makes of the
 * signal, and the output layer's softmax or sigmoid ends up saturated with a huge loss.
 */
public final class ExplodingActivationsRule implements Rule {

    /** Forward variance product (last hidden / input) above which activations explode: the variance-flow monitor's 100. */
    public static final double FORWARD_PRODUCT = 100.0;
    /** Initial loss over the uninformed loss above which the logits are blown up (the initial-loss monitor's 3). */
    public static final double LOSS_FACTOR = 3.0;

    @Override
    public Optional<Diagnosis> examine(Readings r) {
        if (Signs.saturating(r) || r.network().hiddenGainRatio() <= Signs.WIDE_GAIN && !wideOutput(r)) {
            return Optional.empty();
        }
        double forward = r.atStart(Vocabulary.FORWARD_PRODUCT);
        double loss = r.initialLossRatio();
        boolean grows = forward > FORWARD_PRODUCT;
        boolean logits = loss > LOSS_FACTOR || r.gradientsAllZero() || !Double.isFinite(loss) && !Double.isNaN(loss);
        if (!grows && !logits) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(Signs.gainLine(r));
        evidence.add("variance of the last hidden layer's output / the input's: " + num(forward) + " (threshold "
                + num(FORWARD_PRODUCT) + ")");
        evidence.add("initial loss " + num(r.atStart(Vocabulary.LOSS_AT_START)) + " = " + num(loss)
                + "x the uninformed loss " + num(r.atStart(Vocabulary.LOSS_EXPECTED)));
        if (r.gradientsAllZero()) {
            evidence.add("every weight gradient is exactly 0: the output units are saturated");
        }
        return Optional.of(Diagnosis.of(Ailment.EXPLODING_ACTIVATIONS, Level.ERROR, List.of(),
                "Activations grow layer by layer and the logits explode: the initial loss is " + num(loss)
                        + "x what an uninformed network gets.",
                evidence, "Initial weights about " + num(r.network().hiddenGainRatio()) + "x too wide for "
                        + r.network().activation() + ", which does not saturate and so passes the growth on.",
                new Prescription(List.of(Changes.init(r.network().shape())), "Scale the initial weights to the layer "
                        + "width: " + r.network().shape().rightInitializer() + ".")));
    }

    private static boolean wideOutput(Readings r) {
        return r.network().output().gainRatio() > Signs.WIDE_GAIN && r.network().depth() == 0;
    }
}
