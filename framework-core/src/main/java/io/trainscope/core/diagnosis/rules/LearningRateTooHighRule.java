package io.trainscope.core.diagnosis.rules;

import io.trainscope.core.diagnosis.Ailment;
import io.trainscope.core.diagnosis.Changes;
import io.trainscope.core.diagnosis.ConfigChange;
import io.trainscope.core.diagnosis.Diagnosis;
import io.trainscope.core.diagnosis.Level;
import io.trainscope.core.diagnosis.Prescription;
import io.trainscope.core.diagnosis.Readings;
import io.trainscope.core.diagnosis.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static io.trainscope.core.diagnosis.Readings.num;

/**
 * A learning rate too high for the network: the loss turns NaN or infinite, rises, or swings
 * instead of falling over the probe's iterations.
 */
public final class LearningRateTooHighRule implements Rule {

    /**
     * The mean loss of the probe's last quarter above this multiple of the loss before the first
     * update counts as rising: batch-to-batch noise of a healthy run stays well below 50%.
     */
    public static final double RISE = 1.5;
    /** Fewer finite losses than this say nothing about a trend. */
    public static final int START = 3;
    /** The factor a prescription divides the learning rate by (one decade, the usual grid step). */
    public static final double STEP = 10.0;

    @Override
    public Optional<Diagnosis> examine(Readings r) {
        double[] loss = r.losses();
        OptionalLong nonFinite = r.firstNonFinite();
        if (loss.length < 2 * START && nonFinite.isEmpty()) {
            return Optional.empty();
        }
        double start = loss.length == 0 ? Double.NaN : loss[0];
        double end = mean(loss, loss.length - Math.max(1, loss.length / 4), loss.length);
        boolean rising = Double.isFinite(start) && end > RISE * start;
        if (nonFinite.isEmpty() && !rising) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        nonFinite.ifPresent(i -> evidence.add("first NaN or infinity at iteration " + i));
        evidence.add("training loss: " + num(start) + " before the first update, " + num(end)
                + " over the last quarter of " + loss.length + " (rising above " + num(RISE) + "x)");
        double lr = r.network().learningRate();
        evidence.add("learning rate " + num(lr));
        List<ConfigChange> changes = Double.isFinite(lr)
                ? List.of(Changes.learningRate(lr / STEP, "a tenth of the step keeps the loss falling")) : List.of();
        return Optional.of(Diagnosis.of(Ailment.LEARNING_RATE_TOO_HIGH, Level.ERROR, List.of(),
                nonFinite.isPresent() ? "Training diverges: the loss or the weights become NaN or infinite at iteration "
                        + nonFinite.getAsLong() + "." : "The loss rises instead of falling: " + num(start) + " to " + num(end)
                        + ".", evidence, "Steps too large for the loss surface: each update overshoots.",
                new Prescription(changes, "Lower the learning rate tenfold (or use a schedule that warms up).")));
    }

    private static double mean(double[] v, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            if (Double.isFinite(v[i])) {
                sum += v[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
