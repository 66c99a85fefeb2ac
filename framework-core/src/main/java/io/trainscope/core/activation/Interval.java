package io.trainscope.core.activation;

/**
 * A closed interval of inputs {@code [from, to]}, as sampled: both ends are sample points.
 *
 * @param from the first sample point in the interval
 * @param to   the last sample point in the interval; {@code >= from}
 */
public record Interval(double from, double to) {

    public Interval {
        if (!(from <= to)) {
            throw new IllegalArgumentException("interval needs from <= to, got [" + from + ", " + to + "]");
        }
    }
}
