package io.trainscope.core.diagnosis;

import java.util.Arrays;

/**
 * The headline numbers of a probe, for before/after tables: the gradient ratio, the worst dead
 * and saturated shares at initialization, the initial loss and the loss after the probe.
 *
 * @param gradientRatio  first / last hidden layer's gradient norm at initialization (NaN without two hidden layers)
 * @param deadPercent    the largest dead share of a hidden layer at initialization
 * @param saturatedPercent the largest saturated share of a hidden layer at initialization
 * @param initialLoss    the loss before the first update
 * @param finalLoss      the mean training loss of the probe's last 10% of iterations
 * @param iterations     the probe's iterations
 */
public record Vitals(double gradientRatio, double deadPercent, double saturatedPercent, double initialLoss,
                     double finalLoss, int iterations) {

    /** The vitals of a probe. */
    public static Vitals of(Readings r) {
        double[] loss = r.losses();
        int tail = Math.max(1, loss.length / 10);
        double end = loss.length == 0 ? Double.NaN
                : Arrays.stream(loss, loss.length - tail, loss.length).average().orElse(Double.NaN);
        return new Vitals(r.gradientRatio(), max(r.hiddenAtStart(Vocabulary.DEAD_PERCENT)),
                max(r.hiddenAtStart(Vocabulary.SATURATION_PERCENT)), loss.length == 0 ? Double.NaN : loss[0], end,
                loss.length);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).max().orElse(0.0);
    }
}
