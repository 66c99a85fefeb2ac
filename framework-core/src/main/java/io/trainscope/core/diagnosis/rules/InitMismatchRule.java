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
 * An initializer that does not fit the activation (seed 004's Glorot condition, seed 002's gain):
 * the variance of the signal forward, or of the gradient backward, drifts across the layers
 * because the weights' scale is not the one the activation needs (He for relu-like, Glorot for
 * tanh and sigmoid) by a factor up to {@code Signs.WIDE_GAIN}; further off, the rules of its
 * consequences (saturation, exploding activations, symmetric units) name it.
 */
public final class InitMismatchRule implements Rule {

    /** Variance products outside [1/100, 100]: the variance-flow monitor's default drift (a tenfold std change). */
    public static final double MAX_DRIFT = 100.0;
    /** A gain ratio off by more than this factor (He against Glorot is sqrt(2) = 1.41) counts as a mismatch. */
    public static final double MISMATCH = 1.25;

    @Override
    public Optional<Diagnosis> examine(Readings r) {
        double forward = r.atStart(Vocabulary.FORWARD_PRODUCT);
        double backward = r.atStart(Vocabulary.BACKWARD_PRODUCT);
        double gain = r.network().hiddenGainRatio();
        boolean drift = outside(forward) || outside(backward);
        boolean mismatch = (gain > MISMATCH || gain < 1 / MISMATCH) && !Signs.initOff(r);
        if (!drift || !mismatch || r.network().batchnorm()) {
            return Optional.empty();
        }
        return Optional.of(Diagnosis.of(Ailment.INIT_MISMATCH, Level.WARNING, List.of(),
                "The initialization does not preserve the variance: " + r.network().init() + " with "
                        + r.network().activation() + " changes it " + num(Math.max(spread(forward), spread(backward)))
                        + "-fold across the network.",
                List.of(Signs.gainLine(r), "variance product forward " + num(forward) + ", backward " + num(backward)
                        + " (healthy: " + num(1 / MAX_DRIFT) + " to " + num(MAX_DRIFT) + ")"),
                r.network().init() + " is scaled for another kind of activation than " + r.network().activation() + ".",
                new Prescription(List.of(Changes.init(r.network().shape())), "Use " + r.network().shape().rightInitializer()
                        + " for " + r.network().activation() + ".")));
    }

    private static boolean outside(double product) {
        return Double.isFinite(product) && product > 0 && (product > MAX_DRIFT || product < 1 / MAX_DRIFT);
    }

    private static double spread(double product) {
        return Double.isFinite(product) && product > 0 ? Math.max(product, 1 / product) : 1;
    }
}
