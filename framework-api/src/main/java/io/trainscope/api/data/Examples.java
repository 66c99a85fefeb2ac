package io.trainscope.api.data;

import io.trainscope.api.StableApi;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Objects;

/**
 * A set of examples held in memory.
 *
 * @param features shape {@code [examples, features]}, floating point; images are flattened
 * @param targets  for classification, class indices {@code 0..classes-1} of shape {@code [examples, 1]};
 *                 for regression, target values of shape {@code [examples, outputs]}
 */
@StableApi(since = "0.1")
public record Examples(INDArray features, INDArray targets) {

    public Examples {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(targets, "targets");
        if (features.rank() != 2 || targets.rank() != 2) {
            throw new IllegalArgumentException("features and targets must be matrices, got ranks "
                    + features.rank() + " and " + targets.rank());
        }
        if (features.rows() != targets.rows()) {
            throw new IllegalArgumentException("features have " + features.rows() + " rows but targets have "
                    + targets.rows());
        }
    }

    /** The number of examples. */
    public long size() {
        return features.rows();
    }

    /** The number of input features per example. */
    public long featureCount() {
        return features.columns();
    }
}
