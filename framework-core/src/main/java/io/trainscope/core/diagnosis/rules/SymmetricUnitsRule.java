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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.trainscope.core.diagnosis.Readings.num;

/**
 * Units that start identical or nearly so (seed 004's zero initialization, seed 000's U(±0.01)):
 * zero or constant weights give every unit of a layer the same output and the same gradient, so
 * they stay identical; weights far narrower than the layer width wants shrink the signal layer by
 * layer until every unit outputs about the same value.
 */
public final class SymmetricUnitsRule implements Rule {

    /**
     * Weights this many times narrower than the activation's right gain (median over hidden
     * layers) count as near-symmetric: the signal's standard deviation shrinks tenfold per layer.
     * Seed 000's U(±0.01) on fan-in 50 has 0.04; a healthy initializer 0.7-1.4.
     */
    public static final double NARROW_GAIN = 0.1;
    /** Narrow weights matter from this many hidden layers on (one narrow layer still learns). */
    public static final int NARROW_DEPTH = 2;

    @Override
    public Optional<Diagnosis> examine(Readings r) {
        List<String> evidence = new ArrayList<>();
        List<String> layers = new ArrayList<>();
        double[] twins = r.hiddenAtStart(Vocabulary.SYMMETRIC_UNITS);
        for (int l = 0; l < twins.length; l++) {
            LayerFacts f = r.network().layers().get(l);
            if (twins[l] >= f.units() && f.units() > 1) {
                layers.add(f.name());
                evidence.add(f.name() + ": all " + f.units() + " units have an identical twin at initialization");
            }
        }
        double gain = r.network().hiddenGainRatio();
        boolean narrow = r.network().depth() >= NARROW_DEPTH && gain < NARROW_GAIN;
        if (layers.isEmpty() && !narrow) {
            return Optional.empty();
        }
        evidence.add("initial weights: " + r.network().init() + ", std x sqrt(fan-in) = " + gainWords(r)
                + " of what " + r.network().activation() + " needs (threshold " + num(NARROW_GAIN) + ")");
        String summary = !layers.isEmpty()
                ? "Units start identical: every unit of " + String.join(", ", layers) + " has the same weights as another, "
                        + "so they get the same gradient and stay identical."
                : "The initial weights are " + num(1 / Math.max(gain, 1e-30)) + "x too narrow: the signal shrinks "
                        + "layer by layer and the units of deep layers output nearly the same value.";
        return Optional.of(Diagnosis.of(Ailment.SYMMETRIC_UNITS, Level.ERROR, layers, summary, evidence,
                "A zero, constant or very narrow initialization (" + r.network().init() + ").",
                new Prescription(List.of(Changes.init(r.network().shape())), "Initialize the weights randomly at the "
                        + "scale of the layer width: " + r.network().shape().rightInitializer() + " for "
                        + r.network().activation() + ".")));
    }

    private static String gainWords(Readings r) {
        return num(r.network().hiddenGainRatio()) + "x";
    }
}
