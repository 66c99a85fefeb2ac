package io.trainscope.api.normalization;

import io.trainscope.api.StableApi;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-feature statistics of the training split, computed once by the core.
 *
 * @param mean     per-feature mean, shape {@code [1, features]}
 * @param std      per-feature population standard deviation, shape {@code [1, features]}
 * @param min      per-feature minimum, shape {@code [1, features]}
 * @param max      per-feature maximum, shape {@code [1, features]}
 * @param examples the number of training examples the statistics come from
 */
@StableApi(since = "0.1")
public record FeatureStatistics(INDArray mean, INDArray std, INDArray min, INDArray max, long examples) {
}
