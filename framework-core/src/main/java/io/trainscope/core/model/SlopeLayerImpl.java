package io.trainscope.core.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.PReLU;
import org.deeplearning4j.nn.params.PReLUParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The layer of {@link SlopeLayer}: {@code a = max(z, 0) + s·min(z, 0)} with the learnable slope
 * {@code s} broadcast over a {@code [batch, units]} input (or per channel over a convolution's
 * {@code [batch, channels, rows, columns]}), {@code dL/dz = dL/da · (z > 0 ? 1 : s)} and
 * {@code dL/ds = Σ dL/da · min(z, 0)} over the batch (and the rows and columns of an image; over
 * everything when shared). In
 * training it shows its input, the hidden layer's pre-activations, to the {@link ActivationTap}.
 *
 * <p>It computes with ordinary ND4J element-wise ops instead of DL4J's {@code ActivationPReLU}:
 * libnd4j 1.0.0-M2.1's {@code prelu_bp} refuses any input longer than 64 times the number of
 * slopes ("should be no more than SD_MAX_RANK*2 times the alpha array length"), i.e. every batch
 * above 64 examples with per-unit slopes and above 64 values with a shared one. Its input gradient
 * is the hidden layer's {@code dL/dz}, which an armed tap copies too.
 */
final class SlopeLayerImpl extends PReLU {
    private static final long serialVersionUID = 1L;
    private static final String SLOPE = PReLUParamInitializer.WEIGHT_KEY;

    private final int hiddenLayer;
    private final transient ActivationTap tap;

    SlopeLayerImpl(NeuralNetConfiguration conf, DataType dataType, int hiddenLayer, ActivationTap tap) {
        super(conf, dataType);
        this.hiddenLayer = hiddenLayer;
        this.tap = tap;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (training && tap != null) {
            tap.offer(hiddenLayer, input);
        }
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray a = training ? workspaceMgr.dup(ArrayType.ACTIVATIONS, input, input.ordering())
                : workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, input);
        INDArray negative = Transforms.min(a, 0.0, true).muli(slopeRow());
        return Transforms.relu(a, false).addi(negative);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray slope = getParam(SLOPE);
        INDArray slopeGradient = gradientViews.get(SLOPE);
        INDArray weighted = Transforms.min(input, 0.0, true).muli(epsilon);
        slopeGradient.assign(weighted.sum(summedDimensions(slope.length() == 1)));

        INDArray positive = Transforms.step(input, true);
        INDArray delta = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(),
                epsilon.shape(), epsilon.ordering());
        delta.assign(positive.rsub(1.0).muli(slopeRow()).addi(positive)).muli(epsilon);
        delta = backpropDropOutIfPresent(delta);
        if (tap != null) {
            tap.offerGradient(hiddenLayer, delta);
        }

        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(SLOPE, slopeGradient, 'c');
        return new Pair<>(gradient, delta);
    }

    /** The dimensions of the input the slope gradient sums over. */
    private int[] summedDimensions(boolean shared) {
        if (input.rank() == 4) {
            return shared ? new int[] {0, 1, 2, 3} : new int[] {0, 2, 3};
        }
        return shared ? new int[] {0, 1} : new int[] {0};
    }

    /**
     * The slope shaped to broadcast over the input: a {@code [1, n]} row over {@code [batch, units]}
     * or {@code [1, n, 1, 1]} over {@code [batch, channels, rows, columns]} (n = 1 when shared).
     */
    private INDArray slopeRow() {
        INDArray slope = getParam(SLOPE);
        return input.rank() == 4 ? slope.reshape(1, slope.length(), 1, 1) : slope.reshape(1, slope.length());
    }
}
