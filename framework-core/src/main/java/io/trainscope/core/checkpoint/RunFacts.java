package io.trainscope.core.checkpoint;

import io.trainscope.api.data.ImageShape;
import io.trainscope.api.data.Task;

import java.util.List;
import java.util.Map;

/**
 * What stays the same for the whole of a run and goes into each of its checkpoints, so a model can
 * be rebuilt from a checkpoint alone.
 *
 * @param config            the resolved config (YAML)
 * @param seed              the run's seed
 * @param inputs            the number of input features
 * @param featureStatistics the fitted input-normalizer statistics ({@link FittedStatistics#encode})
 * @param task              what the targets mean
 * @param image             the shape of the examples as images, or null when they are not images
 */
public record RunFacts(String config, long seed, long inputs, Map<String, float[]> featureStatistics, Task task,
                       ImageShape image) {

    /** The class names of a classification task, empty for regression. */
    List<String> classNames() {
        return task instanceof Task.Classification c ? c.classNames() : List.of();
    }

    /** The number of targets of a regression task, 0 for classification. */
    int regressionOutputs() {
        return task instanceof Task.Regression r ? r.outputs() : 0;
    }
}
