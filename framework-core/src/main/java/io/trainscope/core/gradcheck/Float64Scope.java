package io.trainscope.core.gradcheck;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes float64 ND4J's default data type until {@link #close()}, which restores the defaults that
 * were in force before ({@code try (Float64Scope ignored = Float64Scope.enter()) { ... }}).
 * Gradient checks need it: DL4J creates some arrays in the default type, and a difference
 * quotient in float32 is noise. Not thread-safe: ND4J's defaults are global.
 */
public final class Float64Scope implements AutoCloseable {

    private final DataType dataType;
    private final DataType floatingPointType;

    private Float64Scope() {
        this.dataType = Nd4j.dataType();
        this.floatingPointType = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** Remembers the current defaults and switches them to float64. */
    public static Float64Scope enter() {
        return new Float64Scope();
    }

    /** Restores the defaults in force when the scope was entered. */
    @Override
    public void close() {
        Nd4j.setDefaultDataTypes(dataType, floatingPointType);
    }
}
