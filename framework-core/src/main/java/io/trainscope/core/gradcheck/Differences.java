package io.trainscope.core.gradcheck;

/**
 * The difference quotients of the loss at a tensor's checked entries, from the scores
 * {@code L(w - h)}, {@code L(w)} and {@code L(w + h)}.
 *
 * @param central  {@code (L(w+h) - L(w-h)) / 2h}, the numeric gradient
 * @param forward  {@code (L(w+h) - L(w)) / h}
 * @param backward {@code (L(w) - L(w-h)) / h}
 * @param fine     {@code forward - backward} with a tenth of the step: where the loss is smooth the
 *                 difference of the one-sided quotients shrinks with the step ({@code h·L''}); across
 *                 a kink it does not (it is the jump of the slope)
 */
record Differences(double[] central, double[] forward, double[] backward, double[] fine) {

    /** The ratio of the steps of {@link #central} and {@link #fine}. */
    static final double FINER = 10;

    /** Room for {@code n} entries. */
    static Differences of(int n) {
        return new Differences(new double[n], new double[n], new double[n], new double[n]);
    }

    /** Records entry {@code i} from the three scores. */
    void put(int i, double minus, double base, double plus, double h) {
        central[i] = (plus - minus) / (2 * h);
        forward[i] = (plus - base) / h;
        backward[i] = (base - minus) / h;
    }
}
