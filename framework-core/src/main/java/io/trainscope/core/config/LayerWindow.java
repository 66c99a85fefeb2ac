package io.trainscope.core.config;

import java.util.List;

/**
 * The sliding window of a {@code conv2d}, {@code max-pool} or {@code avg-pool} layer, each size
 * given for rows and columns: in a config an int (the same for both) or {@code [rows, columns]}.
 *
 * @param kernel  the window's size, each >= 1
 * @param stride  the step between windows, each >= 1
 * @param padding the zeros added on each side of the input, each >= 0
 */
public record LayerWindow(Pair kernel, Pair stride, Pair padding) {

    /** A size for rows and one for columns. */
    public record Pair(int rows, int columns) {

        /** The same size for rows and columns. */
        public static Pair of(int both) {
            return new Pair(both, both);
        }

        /** {@code rows} when both are equal, else {@code [rows, columns]}: what a config says. */
        public Object toConfig() {
            return rows == columns ? (Object) rows : List.of(rows, columns);
        }

        @Override
        public String toString() {
            return rows + "x" + columns;
        }
    }
}
