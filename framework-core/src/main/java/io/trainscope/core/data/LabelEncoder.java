package io.trainscope.core.data;

import io.trainscope.api.data.DataException;
import io.trainscope.core.model.OutputHead;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Turns class indices or target values into the label arrays the output layer's loss expects. */
public final class LabelEncoder {

    private LabelEncoder() {
    }

    /** Encodes {@code targets} ({@code [n, 1]} class indices or {@code [n, k]} values) for {@code head}. */
    public static INDArray encode(INDArray targets, OutputHead head) {
        return switch (head.encoding()) {
            case VALUES -> targets.castTo(DataType.FLOAT);
            case BINARY -> checkedIndices(targets, 2).castTo(DataType.FLOAT);
            case ONE_HOT -> oneHot(targets, head.units());
        };
    }

    private static INDArray oneHot(INDArray targets, int classes) {
        INDArray idx = checkedIndices(targets, classes);
        long n = idx.rows();
        float[] data = new float[Math.toIntExact(n * classes)];
        float[] cls = idx.castTo(DataType.FLOAT).data().asFloat();
        for (int i = 0; i < n; i++) {
            data[i * classes + (int) cls[i]] = 1f;
        }
        return Nd4j.create(data, new long[]{n, classes}, 'c');
    }

    private static INDArray checkedIndices(INDArray targets, int classes) {
        if (targets.columns() != 1) {
            throw new DataException("classification targets must be one column of class indices, got "
                    + targets.columns() + " columns");
        }
        double min = targets.minNumber().doubleValue();
        double max = targets.maxNumber().doubleValue();
        if (min < 0 || max > classes - 1) {
            throw new DataException("class indices must lie in [0, " + (classes - 1) + "], got values from "
                    + min + " to " + max);
        }
        return targets;
    }
}
