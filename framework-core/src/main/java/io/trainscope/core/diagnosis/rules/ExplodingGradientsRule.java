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

import java.util.List;
import java.util.Optional;

/**
 * Gradients that grow towards the input (seed 004's instability; tanh with N(0, 1) weights on
 * seed 000's network: the first layer gets 236x the last hidden layer's gradient).
 */
public final class ExplodingGradientsRule implements Rule {

    @Override
    public Optional<Diagnosis> examine(Readings r) {
        double ratio = r.gradientRatio();
        if (!(ratio > Signs.EXPLODING_RATIO)) {
            return Optional.empty();
        }
        boolean init = Signs.initOff(r);
        ConfigChange change = init ? Changes.init(r.network().shape())
                : Changes.addNormalizer(r.probe().source(), Vocabulary.BATCHNORM, false,
                "batchnorm rescales every layer's pre-activations, so no layer amplifies the gradient");
        return Optional.of(Diagnosis.of(Ailment.EXPLODING_GRADIENTS, Level.ERROR, List.of(r.layerName(0)),
                "Gradients explode towards the input: the first hidden layer gets " + Readings.num(ratio)
                        + "x the last hidden layer's gradient.",
                List.of(Signs.ratioLine(r), Signs.gainLine(r)),
                init ? "Initial weights " + Readings.num(r.network().hiddenGainRatio()) + "x the scale "
                        + r.network().activation() + " needs: each layer multiplies the backward signal."
                        : "Each layer multiplies the backward signal; nothing rescales it.",
                new Prescription(List.of(change), init ? "Initialize to the layer width: "
                        + r.network().shape().rightInitializer() + "." : "Add batchnorm to the hidden layers.")));
    }
}
