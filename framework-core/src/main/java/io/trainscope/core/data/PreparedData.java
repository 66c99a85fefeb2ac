package io.trainscope.core.data;

import io.trainscope.api.data.Task;
import io.trainscope.api.normalization.FeatureStatistics;
import io.trainscope.api.normalization.InputTransform;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

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
 */
public record PreparedData(Task task, DataSet train, DataSet validation, DataSet test, long inputs,
                           List<InputTransform> transforms, java.util.Map<Integer, FeatureStatistics> fitted) {

    public PreparedData {
        transforms = List.copyOf(transforms);
        fitted = java.util.Map.copyOf(fitted);
    }

    /** The number of training examples. */
    public long trainingExamples() {
        return train.numExamples();
    }
}
