package io.trainscope.examples.embedding;

import io.trainscope.core.Trainscope;
import io.trainscope.core.model.TrainedModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Loads a trained run back for prediction: the README's loading snippet is the body of
 * {@link #predict}. Pass a run folder written by {@code trainscope train} on the Iris data (or
 * any run with four inputs: the features below are Iris's four measurements).
 */
public final class PredictWithTrainedModel {

    private PredictWithTrainedModel() {
    }

    public static void main(String[] args) {
        predict(Path.of(args[0]));
    }

    /** The classes the run's model predicts for two flowers, printed and returned. */
    public static int[] predict(Path run) {
        // --- README snippet: loading a model ---
        TrainedModel model = Trainscope.create().loadModel(run);          // best checkpoint, else the newest
        INDArray flowers = Nd4j.create(new float[][]{{5.1f, 3.5f, 1.4f, 0.2f}, {6.7f, 3.0f, 5.2f, 2.3f}});
        int[] classes = model.predictClasses(flowers);                     // raw features: normalization is applied
        System.out.println(Arrays.toString(classes) + " of " + model.task());
        // --- end of snippet ---
        return classes;
    }
}
