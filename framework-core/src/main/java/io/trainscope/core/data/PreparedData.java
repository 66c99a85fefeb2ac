package io.trainscope.core.data;

import io.trainscope.api.data.ImageShape;
import io.trainscope.api.data.Task;
import io.trainscope.api.normalization.FeatureStatistics;
import io.trainscope.api.normalization.InputTransform;
import io.trainscope.core.model.OutputHead;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.Map;

/**
 * The examples of a run, ready for the network: split, input-normalized (with statistics of the
 * training split only) and with labels encoded for the output layer.
 *
 * @param task       what the targets mean
 * @param train      the training split
 * @param validation the validation split, or null
 * @param test       the test split, or null
 * @param inputs     the number of input features
 * @param transforms the fitted input transforms, in order (applied to any new data before prediction)
 * @param fitted     the training statistics each normalizer's transform was fitted on, by normalizer
 *                   index in the config (only normalizers that transform inputs appear)
 * @param head       the output layer the labels are encoded for
 * @param image      the shape of each example as an image (the rows stay flat), or null when the
 *                   examples are not images
 */
public record PreparedData(Task task, DataSet train, DataSet validation, DataSet test, long inputs,
                           List<InputTransform> transforms, Map<Integer, FeatureStatistics> fitted,
                           OutputHead head, ImageShape image) {

    public PreparedData {
        transforms = List.copyOf(transforms);
        fitted = Map.copyOf(fitted);
        if (image != null && image.features() != inputs) {
            throw new IllegalArgumentException("image shape " + image + " does not match " + inputs + " inputs");
        }
    }

    /** Data that are not images. */
    public PreparedData(Task task, DataSet train, DataSet validation, DataSet test, long inputs,
                        List<InputTransform> transforms, Map<Integer, FeatureStatistics> fitted, OutputHead head) {
        this(task, train, validation, test, inputs, transforms, fitted, head, null);
    }

    /** A copy whose training split holds only its first {@code examples} examples (for benchmarks). */
    public PreparedData withTrainingExamples(int examples) {
        int n = Math.min(examples, train.numExamples());
        DataSet first = new DataSet(train.getFeatures().get(NDArrayIndex.interval(0, n),
                NDArrayIndex.all()).dup(), train.getLabels().get(
                NDArrayIndex.interval(0, n), NDArrayIndex.all()).dup());
        return new PreparedData(task, first, validation, test, inputs, transforms, fitted, head, image);
    }

    /** The number of training examples. */
    public long trainingExamples() {
        return train.numExamples();
    }
}
