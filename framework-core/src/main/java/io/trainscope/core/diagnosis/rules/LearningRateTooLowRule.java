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
import java.util.OptionalDouble;

import static io.trainscope.core.diagnosis.Readings.num;

/**
 * A learning rate too low: the weights barely move over the probe (the loss changes only by batch
 * noise), while gradients flow: not all zero (dead or symmetric units are other rules'), and the
 * loss neither rises nor turns non-finite.
 */
public final class LearningRateTooLowRule implements Rule {

    /**
     * Median update / weight ratio below which weights barely move: the update-ratio monitor's
     * default low of 1e-5 is two decades under Karpathy's 1e-3 (CS231n); 1e-5 needs 10^5 steps
     * to change a layer by its own size.
     */
    public static final double LOW_UPDATE = 1e-5;
    /** The update ratio a prescription aims for (CS231n's rule of thumb). */
    public static final double TARGET_UPDATE = 1e-3;
    /** At most this many decades at once: the fix loop takes another round if needed. */
    public static final int MAX_DECADES = 3;

    @Override
    public Optional<Diagnosis> examine(Readings r) {
        double[] loss = r.losses();
        if (loss.length < 2 || !Double.isFinite(loss[0]) || !Double.isFinite(loss[loss.length - 1])) {
            return Optional.empty();
        }
        double progress = (loss[0] - loss[loss.length - 1]) / Math.abs(loss[0]);
        double update = medianUpdate(r);
        if (!(update < LOW_UPDATE) || update == 0 || r.firstNonFinite().isPresent()
                || loss[loss.length - 1] > LearningRateTooHighRule.RISE * loss[0]) {
            return Optional.empty();
        }
        double lr = r.network().learningRate();
        int decades = (int) Math.max(1, Math.min(MAX_DECADES, Math.round(Math.log10(TARGET_UPDATE / update))));
        List<ConfigChange> changes = Double.isFinite(lr) ? List.of(Changes.learningRate(lr * Math.pow(10, decades),
                "brings the update / weight ratio near " + num(TARGET_UPDATE))) : List.of();
        return Optional.of(Diagnosis.of(Ailment.LEARNING_RATE_TOO_LOW, Level.ERROR, List.of(),
                "The weights barely move: a typical update is " + num(update) + " of the weights, and the loss fell "
                        + num(100 * progress) + "% in " + loss.length + " iterations.",
                List.of("median update / weight ratio " + num(update) + " (threshold " + num(LOW_UPDATE) + ", healthy about "
                        + num(TARGET_UPDATE) + ")", "training loss " + num(loss[0]) + " -> " + num(loss[loss.length - 1]),
                        "learning rate " + num(lr)),
                "The learning rate " + num(lr) + " is too small for these gradients.",
                new Prescription(changes, "Raise the learning rate " + (int) Math.pow(10, decades) + "-fold.")));
    }

    private static double medianUpdate(Readings r) {
        List<Double> medians = new ArrayList<>();
        for (int l = 0; l < r.network().layers().size(); l++) {
            OptionalDouble m = r.median(Vocabulary.UPDATE_RATIO_METRIC, l);
            m.ifPresent(medians::add);
        }
        if (medians.isEmpty()) {
            return Double.NaN;
        }
        medians.sort(Double::compare);
        return medians.get(medians.size() / 2);
    }
}
