package io.trainscope.api.normalization;

import io.trainscope.api.StableApi;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A fitted transform of input features, applied to every batch before it reaches the network. */
@StableApi(since = "0.1")
@FunctionalInterface
public interface InputTransform {

    /**
     * Transforms a batch of features.
     *
     * @param features shape {@code [examples, features]}; may be overwritten
     * @return the transformed features, {@code features} itself or a new array of its shape
     */
    INDArray apply(INDArray features);
}
