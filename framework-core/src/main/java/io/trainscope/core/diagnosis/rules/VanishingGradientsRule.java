package io.trainscope.core.diagnosis.rules;

import io.trainscope.core.diagnosis.Ailment;
import io.trainscope.core.diagnosis.Changes;
import io.trainscope.core.diagnosis.ConfigChange;
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
 * Gradients that shrink towards the input (seed 000): the first hidden layer gets a small share
 * of the last one's gradient and barely learns. Named when the initialization's scale explains it
 * (saturated units from too-wide weights); a well-scaled but deep saturating network is
 * {@link TooDeepRule}'s.
 */
public final class VanishingGradientsRule implements Rule {

    /** Below this ratio vanishing is an error whatever the saturation (a thousandfold slower first layer). */
    public static final double SEVERE_RATIO = 1e-3;

    @Override
    public Optional<Diagnosis> examine(Readings r) {
        double ratio = r.gradientRatio();
        if (!(ratio < Signs.VANISHING_RATIO) || TooDeepRule.applies(r)) {
            return Optional.empty();
        }
        double saturation = Signs.maxSaturation(r);
        Level level = ratio < SEVERE_RATIO || saturation >= Signs.SATURATED_CRITICAL ? Level.ERROR : Level.WARNING;
        List<String> evidence = new ArrayList<>();
        evidence.add(Signs.ratioLine(r));
        evidence.add(Signs.gainLine(r));
        if (Signs.saturating(r)) {
            evidence.add("up to " + num(saturation) + "% of a hidden layer's outputs saturated ("
                    + r.layerName(Math.max(0, Signs.mostSaturated(r))) + ")");
        }
        boolean init = Signs.initOff(r);
        ConfigChange change = init ? Changes.init(r.network().shape())
                : Changes.addNormalizer(r.probe().source(), Vocabulary.BATCHNORM, false,
                "batchnorm keeps every layer's pre-activations in the activation's steep region");
        String cause = init && Signs.saturating(r)
                ? "Initial weights " + num(r.network().hiddenGainRatio()) + "x too wide push " + r.network().activation()
                        + " units into their flat region, where the derivative is almost zero."
                : init ? "Initial weights " + num(r.network().hiddenGainRatio()) + "x the scale " + r.network().activation()
                        + " needs." : "Each layer shrinks the backward signal.";
        return Optional.of(Diagnosis.of(Ailment.VANISHING_GRADIENTS, level, List.of(r.layerName(0)),
                "Gradients vanish towards the input: the first hidden layer gets " + num(ratio)
                        + " of the last hidden layer's gradient, so it barely learns.",
                evidence, cause, new Prescription(List.of(change), init ? "Initialize to the layer width: "
                        + r.network().shape().rightInitializer() + "." : "Add batchnorm to the hidden layers.")));
    }
}
