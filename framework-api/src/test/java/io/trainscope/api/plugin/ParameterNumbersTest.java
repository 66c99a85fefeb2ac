package io.trainscope.api.plugin;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Numeric plugin parameters are finite whatever form their raw value has (embedders pass any object). */
class ParameterNumbersTest {

    private static final ParameterSpec RATE = ParameterSpec.real("rate", 0.1, "any real, no range");
    private static final ParameterSpec STD = ParameterSpec.real("std", 1.0, "standard deviation").greaterThan(0);
    private static final ParameterSpec COUNT = ParameterSpec.integer("count", 1, "how many").atLeast(1);
    private static final ParameterSpec POINTS = ParameterSpec.realList("points", List.of(1.0), "numbers");

    private static Parameters resolve(ParameterSpec spec, Object value) {
        return Parameters.resolve("test", List.of(spec), Map.of(spec.name(), value));
    }

    @Test
    void rejectsAnInfiniteRealEvenWithoutARange() {
        assertThatThrownBy(() -> resolve(RATE, Double.POSITIVE_INFINITY))
                .isInstanceOf(ParameterException.class)
                .hasMessage("must be a finite number (a number), got Infinity, outside the range of a double "
                        + "(about -1.8e308 to 1.8e308)");
    }

    @Test
    void rejectsNotANumber() {
        assertThatThrownBy(() -> resolve(STD, Double.NaN))
                .hasMessage("must be a finite number (a number > 0), got NaN");
    }

    @Test
    void rejectsAnIntegerTooLargeForADouble() {
        BigInteger huge = BigInteger.TEN.pow(400);
        assertThatThrownBy(() -> resolve(RATE, huge))
                .hasMessage("must be a finite number (a number), got " + huge + ", outside the range of a double "
                        + "(about -1.8e308 to 1.8e308)");
        assertThatThrownBy(() -> resolve(COUNT, huge))
                .hasMessage("must be a finite number (an integer >= 1), got " + huge + ", outside the range of a "
                        + "double (about -1.8e308 to 1.8e308)");
    }

    @Test
    void rejectsQuotedInfinityNanAndHexadecimal() {
        assertThatThrownBy(() -> resolve(RATE, "Infinity")).hasMessage("must be a number, got 'Infinity'");
        assertThatThrownBy(() -> resolve(RATE, "NaN")).hasMessage("must be a number, got 'NaN'");
        assertThatThrownBy(() -> resolve(RATE, "0x1p3")).hasMessage("must be a number, got '0x1p3'");
        assertThatThrownBy(() -> resolve(RATE, "1e400"))
                .hasMessage("must be a finite number (a number), got '1e400', outside the range of a double "
                        + "(about -1.8e308 to 1.8e308)");
    }

    @Test
    void acceptsQuotedDecimalNumbers() {
        assertThat(resolve(RATE, " 1e-3 ").real("rate")).isEqualTo(0.001);
        assertThat(resolve(RATE, "-.5").real("rate")).isEqualTo(-0.5);
        assertThat(resolve(COUNT, "12").integer("count")).isEqualTo(12);
    }

    @Test
    void rejectsANonFiniteListElement() {
        assertThatThrownBy(() -> resolve(POINTS, List.of(1.0, Double.NEGATIVE_INFINITY)))
                .hasMessage("must be a finite number (a list of numbers), got -Infinity, outside the range of a "
                        + "double (about -1.8e308 to 1.8e308)");
    }
}
