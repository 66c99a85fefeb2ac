package io.trainscope.core.model;

import io.trainscope.api.data.Task;
import io.trainscope.api.normalization.InputTransform;
import io.trainscope.core.config.ResolvedExperiment;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.List;

/**
 * A trained network loaded back from a run folder, ready for prediction: it applies the input
 * transforms fitted on the training split (standardization) before the network, exactly as
 * training did.
 *
 * @param network    the network with the checkpoint's parameters
 * @param head       its output layer (activation, loss, encoding)
 * @param transforms the fitted input transforms, in order
 * @param source     the checkpoint file it was loaded from
 * @param experiment the resolved experiment it was trained with
 * @param seed       the seed of the run it comes from
 */
public record TrainedModel(MultiLayerNetwork network, OutputHead head, List<InputTransform> transforms, Path source,
                           ResolvedExperiment experiment, long seed) {

    /**
     * The number of input features per example: the first layer's inputs, or for a network that
     * starts with a convolution or pool, channels x rows x columns of the images its flat rows hold.
     */
    public long inputs() {
        if (network.getLayerWiseConfigurations().getInputPreProcess(0) instanceof FeedForwardToCnnPreProcessor p) {
            return p.getNumChannels() * p.getInputHeight() * p.getInputWidth();
        }
        return network.layerInputSize(0);
    }

    /** The task the model was trained for (class names, or the number of regression targets). */
    public Task task() {
        return head.task();
    }

    /**
     * The network's outputs for raw features (as the data source produced them, before any input
     * normalization): class probabilities for classification, values for regression.
     *
     * @param features {@code [examples, features]}
     */
    public INDArray predict(INDArray features) {
        return network.output(transform(features), false);
    }

    /** Raw features after the fitted input transforms: what the network itself sees. */
    public INDArray transform(INDArray features) {
        INDArray x = features.castTo(DataType.FLOAT).dup();
        for (InputTransform t : transforms) {
            x = t.apply(x);
        }
        return x;
    }

    /** The most likely class index per example (classification only). */
    public int[] predictClasses(INDArray features) {
        if (!(head.task() instanceof Task.Classification)) {
            throw new IllegalStateException("the model was trained for regression; use predict()");
        }
        INDArray out = predict(features);
        int[] classes = new int[(int) out.rows()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = head.encoding() == OutputHead.TargetEncoding.BINARY
                    ? (out.getDouble(i, 0) >= 0.5 ? 1 : 0)
                    : out.getRow(i).argMax().getInt(0);
        }
        return classes;
    }
}
