package io.trainscope.core.monitor;

import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.model.NetworkLayout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;

/**
 * What the current sampled iteration exposes to monitors, shared by every monitor's context:
 * DL4J's own activation list, the captured pre-activations, the loss, and lazily derived views
 * (the output layer's activations, gradients scaled to the mean loss) computed at most once per
 * iteration into reused buffers.
 */
public final class IterationState implements AutoCloseable {

    private final MultiLayerNetwork network;
    private final NetworkLayout layout;
    private final BuiltNetwork built;
    private final LayerViews views;
    private final IActivation outputActivation;
    private final ReusableBuffers outputZ = new ReusableBuffers(1);
    private final ReusableBuffers outputA = new ReusableBuffers(1);
    private final ReusableBuffers scaledWeights;
    private final ReusableBuffers scaledBiases;
    private final boolean miniBatch;

    long iteration;
    int epoch;
    double loss = Double.NaN;
    int batchSize;
    double learningRate = Double.NaN;
    List<INDArray> activations;
    INDArray labels;
    private boolean outputComputed;
    private final boolean[] weightScaled;
    private final boolean[] biasScaled;

    IterationState(BuiltNetwork built, LayerViews views) {
        this.built = built;
        this.network = built.network();
        this.layout = built.layout();
        this.views = views;
        this.outputActivation = ((BaseLayer) network.getLayer(layout.outputDl4jIndex()).conf().getLayer()).getActivationFn();
        this.scaledWeights = new ReusableBuffers(layout.size());
        this.scaledBiases = new ReusableBuffers(layout.size());
        this.weightScaled = new boolean[layout.size()];
        this.biasScaled = new boolean[layout.size()];
        this.miniBatch = network.getLayerWiseConfigurations().getConf(0).isMiniBatch();
    }

    /** Starts a new iteration: forgets every derived view. */
    void begin(long iteration, int epoch) {
        this.iteration = iteration;
        this.epoch = epoch;
        this.activations = null;
        this.labels = null;
        this.loss = Double.NaN;
        this.outputComputed = false;
        Arrays.fill(weightScaled, false);
        Arrays.fill(biasScaled, false);
    }

    public long iteration() {
        return iteration;
    }

    public int epoch() {
        return epoch;
    }

    public double loss() {
        return loss;
    }

    public int batchSize() {
        return batchSize;
    }

    public double learningRate() {
        return learningRate;
    }

    public INDArray labels() {
        return labels;
    }

    /** The network input of this iteration. */
    public INDArray input() {
        requireForward();
        return activations.get(0);
    }

    /** A logical layer's activations: DL4J's own array for hidden layers, computed once for the output layer. */
    public INDArray activations(int layer) {
        requireForward();
        if (layer == layout.size() - 1) {
            computeOutput();
            return outputA.get(0, outputShape(), activations.get(0).dataType());
        }
        return activations.get(layout.output()[layer] + 1);
    }

    /** A logical layer's pre-activations, or null if they were not captured. */
    public INDArray preActivations(int layer) {
        requireForward();
        if (layer == layout.size() - 1) {
            computeOutput();
            return outputZ.get(0, outputShape(), activations.get(0).dataType());
        }
        return built.tap().preActivations(layer);
    }

    /** The weight gradient of the mean loss, scaled once per iteration into a reused buffer. */
    public INDArray scaledWeightGradient(int layer) {
        INDArray raw = views.weightGradient(layer);
        INDArray out = scaledWeights.get(layer, raw.shape(), raw.dataType());
        if (!weightScaled[layer]) {
            Nd4j.getExecutioner().exec(new ScalarMultiplication(raw, null, out, gradientScale()));
            weightScaled[layer] = true;
        }
        return out;
    }

    /** The bias gradient of the mean loss. */
    public INDArray scaledBiasGradient(int layer) {
        INDArray raw = views.biasGradient(layer);
        INDArray out = scaledBiases.get(layer, raw.shape(), raw.dataType());
        if (!biasScaled[layer]) {
            Nd4j.getExecutioner().exec(new ScalarMultiplication(raw, null, out, gradientScale()));
            biasScaled[layer] = true;
        }
        return out;
    }

    /** The factor from DL4J's summed gradients to the mean-loss gradients. */
    public double gradientScale() {
        return miniBatch && batchSize > 0 ? 1.0 / batchSize : 1.0;
    }

    private long[] outputShape() {
        INDArray last = activations.get(activations.size() - 1);
        return new long[]{last.rows(), layout.info().outputLayer().units()};
    }

    /** z = a_last W + b, a = f(z), into reused buffers: the output layer is not in DL4J's forward list. */
    private void computeOutput() {
        if (outputComputed) {
            return;
        }
        int out = layout.size() - 1;
        INDArray last = activations.get(activations.size() - 1);
        INDArray z = outputZ.get(0, outputShape(), last.dataType());
        Nd4j.gemm(last, views.weights(out), z, false, false, 1.0, 0.0);
        z.addiRowVector(views.bias(out));
        INDArray a = outputA.get(0, outputShape(), last.dataType());
        a.assign(z);
        outputActivation.getActivation(a, false);
        outputComputed = true;
    }

    private void requireForward() {
        if (activations == null) {
            throw new IllegalStateException("activations are only available in onForward");
        }
    }

    @Override
    public void close() {
        outputZ.close();
        outputA.close();
        scaledWeights.close();
        scaledBiases.close();
    }
}
