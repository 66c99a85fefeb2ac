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
 * Saturated sigmoid or tanh units (seed 002's white columns of {@code |tanh| > 0.99}): a large
 * share of a hidden layer's outputs lie where the derivative is almost zero.
 */
public final class SaturationRule implements Rule {

    @Override
    public Optional<Diagnosis> examine(Readings r) {
        if (!Signs.saturating(r)) {
            return Optional.empty();
        }
        double[] sat = r.hiddenAtStart(Vocabulary.SATURATION_PERCENT);
        List<String> layers = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (int l = 0; l < sat.length; l++) {
            if (sat[l] > Signs.SATURATED_PERCENT) {
                layers.add(r.layerName(l));
                evidence.add(r.layerName(l) + ": " + num(sat[l]) + "% of the outputs saturated (threshold "
                        + num(Signs.SATURATED_PERCENT) + "%)");
            }
        }
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        evidence.add(Signs.gainLine(r));
        double max = Signs.maxSaturation(r);
        boolean wide = r.network().hiddenGainRatio() > Signs.WIDE_GAIN / Math.sqrt(2);
        ConfigChange change = wide ? Changes.init(r.network().shape())
                : Changes.addNormalizer(r.probe().source(), Vocabulary.BATCHNORM, false,
                "batchnorm centres and scales the pre-activations before the activation");
        return Optional.of(Diagnosis.of(Ailment.SATURATION, max >= Signs.SATURATED_CRITICAL ? Level.ERROR : Level.WARNING,
                layers, "Up to " + num(max) + "% of a hidden layer's " + r.network().activation()
                        + " outputs lie where its derivative is almost zero, so little gradient passes.",
                evidence, wide ? "Initial weights " + num(r.network().hiddenGainRatio()) + "x the Glorot scale make the "
                        + "pre-activations too wide." : "Pre-activations too wide for the activation.",
                new Prescription(List.of(change), wide ? "Initialize with " + r.network().shape().rightInitializer()
                        + "." : "Add batchnorm before the activation.")));
    }
}
