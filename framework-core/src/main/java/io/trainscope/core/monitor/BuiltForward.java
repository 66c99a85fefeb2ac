package io.trainscope.core.monitor;

import io.trainscope.core.model.BuiltNetwork;
import io.trainscope.core.model.NetworkLayout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import java.util.List;
import java.util.Map;

/**
 * The forward arrays of a network trainscope built: DL4J's own activation list for the hidden
 * layers, their pre-activations from the network's {@code ActivationTap}, and the output layer's
 * pre-activations and activations derived once per iteration (z = a_last W + b, a = f(z)) into
 * reused buffers, since DL4J's list stops before the output layer. The hidden layers' {@code dL/dz}
 * come from the tap (what their activations' backward pass returned); the output layer's is derived
 * from its pre-activations and the labels with its loss function, as DL4J's output layer computes it.
 */
final class BuiltForward implements ForwardArrays {

    private final BuiltNetwork built;
    private final NetworkLayout layout;
    private final LayerViews views;
    private final IActivation outputActivation;
    private final ILossFunction outputLoss;
    private final ReusableBuffers outputGradient = new ReusableBuffers(1);
    private INDArray outputDz;
    private final ReusableBuffers outputZ = new ReusableBuffers(1);
    private final ReusableBuffers outputA = new ReusableBuffers(1);
    private List<INDArray> activations;
    private boolean outputComputed;

    BuiltForward(BuiltNetwork built, LayerViews views) {
        this.built = built;
        this.layout = built.layout();
        this.views = views;
        BaseLayer output = (BaseLayer) built.network().getLayer(layout.outputDl4jIndex()).conf().getLayer();
        this.outputActivation = output.getActivationFn();
        this.outputLoss = output instanceof BaseOutputLayer o ? o.getLossFn() : null;
    }

    @Override
    public void arm() {
        built.tap().arm();
    }

    @Override
    public void disarm() {
        built.tap().disarm();
    }

    @Override
    public void armGradients() {
        built.tap().armGradients();
        outputDz = null;
    }

    @Override
    public void gradientsDone(INDArray labels, double scale) {
        built.tap().disarm();
        for (int l = 0; l < layout.hiddenLayers() && scale != 1.0; l++) {
            INDArray captured = built.tap().preActivationGradient(l);
            if (captured != null) {
                captured.muli(scale);
            }
        }
        if (kept() && labels != null && outputLoss != null) {
            INDArray z = preActivations(layout.size() - 1);
            INDArray out = outputGradient.get(0, z.shape(), z.dataType());
            OutputGradient.ofLoss(out, outputLoss, outputActivation, labels, z, null, scale);
            outputDz = out;
        }
    }

    @Override
    public INDArray preActivationGradient(int layer) {
        if (layer == layout.size() - 1) {
            return outputDz;
        }
        return built.tap().preActivationGradient(layer);
    }

    @Override
    public void keep(List<INDArray> activations) {
        this.activations = activations;
    }

    @Override
    public void keep(Map<String, INDArray> activations) {
        throw new IllegalStateException("a network trainscope built is a MultiLayerNetwork");
    }

    @Override
    public void forget() {
        activations = null;
        outputComputed = false;
    }

    @Override
    public boolean kept() {
        return activations != null;
    }

    @Override
    public INDArray input() {
        return activations.get(0);
    }

    @Override
    public INDArray activations(int layer) {
        if (layer == layout.size() - 1) {
            computeOutput();
            return outputA.get(0, outputShape(), activations.get(0).dataType());
        }
        return activations.get(layout.output()[layer] + 1);
    }

    @Override
    public INDArray preActivations(int layer) {
        if (layer == layout.size() - 1) {
            computeOutput();
            return outputZ.get(0, outputShape(), activations.get(0).dataType());
        }
        return built.tap().preActivations(layer);
    }

    private long[] outputShape() {
        INDArray last = activations.get(activations.size() - 1);
        return new long[]{last.size(0), layout.info().outputLayer().units()};
    }

    /** The output layer's input: the last activations, flattened as DL4J's preprocessor does after a convolution or pool. */
    private INDArray outputInput() {
        INDArray last = activations.get(activations.size() - 1);
        return last.rank() == 2 ? last : last.reshape('c', last.size(0), last.length() / last.size(0));
    }

    /** z = a_last W + b, a = f(z), into reused buffers: the output layer is not in DL4J's forward list. */
    private void computeOutput() {
        if (outputComputed) {
            return;
        }
        int out = layout.size() - 1;
        INDArray last = outputInput();
        INDArray z = outputZ.get(0, outputShape(), last.dataType());
        Nd4j.gemm(last, views.weights(out), z, false, false, 1.0, 0.0);
        z.addiRowVector(views.bias(out));
        INDArray a = outputA.get(0, outputShape(), last.dataType());
        a.assign(z);
        outputActivation.getActivation(a, false);
        outputComputed = true;
    }

    @Override
    public void close() {
        outputZ.close();
        outputA.close();
        outputGradient.close();
        built.tap().close();
    }
}
