package io.trainscope.api.init;

import io.trainscope.api.StableApi;

/**
 * The fan-in (inputs per unit) and fan-out (units) of a layer, as the Glorot and He formulas use them.
 *
 * @param in  the number of inputs of each unit, positive
 * @param out the number of units, positive
 */
@StableApi(since = "0.1")
public record Fan(long in, long out) {

    public Fan {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("fan-in and fan-out must be positive, got " + in + " and " + out);
        }
    }

    /** {@code (in + out) / 2}, the fan Glorot's condition averages over. */
    public double average() {
        return (in + out) / 2.0;
    }

    /** The fan named by a {@code fan-mode} parameter: "in", "out" or "avg". */
    public double byMode(String mode) {
        return switch (mode) {
            case "in" -> in;
            case "out" -> out;
            case "avg" -> average();
            default -> throw new IllegalArgumentException("unknown fan mode '" + mode + "'; use in, out or avg");
        };
    }
}
