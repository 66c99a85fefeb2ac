package io.trainscope.core.model;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes float64 ND4J's default data type for the tests of a class (gradient checks need it) and
 * restores the previous defaults after them: {@code @ExtendWith(Float64Defaults.class)}.
 */
final class Float64Defaults implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Float64Defaults.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("before", new DataType[]{Nd4j.dataType(), Nd4j.defaultFloatingPointType()});
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        DataType[] before = context.getStore(NAMESPACE).remove("before", DataType[].class);
        Nd4j.setDefaultDataTypes(before[0], before[1]);
    }
}
