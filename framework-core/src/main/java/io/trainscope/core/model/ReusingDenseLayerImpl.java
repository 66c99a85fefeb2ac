package io.trainscope.core.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer of {@link ReusingDenseLayer}: DL4J's dense layer, except that a training forward pass
 * keeps a copy of {@code z = xW + b} (in the activations workspace, alive until the backward pass
 * of the same iteration) and the backward pass uses it instead of recomputing it, and that the
 * input gradient is skipped when the configuration says nobody needs it. Anything unusual (layer
 * norm, dropout, weight noise, masks) falls back to DL4J's own code path.
 */
final class ReusingDenseLayerImpl extends DenseLayer {
    private static final long serialVersionUID = 1L;

    private final boolean inputGradient;
    private transient INDArray cachedZ;

    ReusingDenseLayerImpl(NeuralNetConfiguration conf, DataType dataType, boolean inputGradient) {
        super(conf, dataType);
        this.inputGradient = inputGradient;
    }

    private boolean plain() {
        return !hasLayerNorm() && layerConf().getIDropout() == null && layerConf().getWeightNoise() == null
                && maskArray == null;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        cachedZ = null;
        if (!training || !plain()) {
            return super.activate(training, workspaceMgr);
        }
        INDArray z = preOutputPlain(workspaceMgr);
        cachedZ = workspaceMgr.dup(ArrayType.ACTIVATIONS, z);
        return layerConf().getActivationFn().getActivation(z, true);
    }

    /**
     * DL4J's {@code preOutput} without dropout, weight noise, layer norm or mask (the plain case),
     * with the product split over two threads when {@link TwoCoreProducts} says so.
     */
    private INDArray preOutputPlain(LayerWorkspaceMgr workspaceMgr) {
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray x = input == null ? null : input.castTo(dataType);
        int g = x == null || x.rank() != 2 || x.columns() != w.rows() ? 0
                : TwoCoreProducts.splitGranule(x.size(0), w.size(1), w.size(0));
        if (g == 0) {
            return preOutput(true, workspaceMgr);
        }
        assertInputSet(false);
        INDArray b = getParamWithNoise(DefaultParamInitializer.BIAS_KEY, true, workspaceMgr);
        INDArray ret = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(), x.size(0), w.size(1));
        TwoCoreProducts.forward(x.castTo(ret.dataType()), w, ret, g);
        if (hasBias()) {
            ret.addiRowVector(b);
        }
        return ret;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = cachedZ;
        cachedZ = null;
        if (z == null || !plain()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
        Gradient ret = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            delta.sum(biasGrad, 0);
            ret.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
        }
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray epsilonNext = null;
        if (inputGradient) {
            epsilonNext = inputGradient(w, delta, workspaceMgr);
        }
        INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        weightGradient(delta, weightGrad);
        ret.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
        weightNoiseParams.clear();
        if (epsilonNext != null) {
            epsilonNext = backpropDropOutIfPresent(epsilonNext);
        }
        return new Pair<>(ret, epsilonNext);
    }

    /** {@code (W delta^T)^T}, as DL4J computes it, into the activation-gradient workspace. */
    private static INDArray inputGradient(INDArray w, INDArray delta, LayerWorkspaceMgr workspaceMgr) {
        INDArray eps = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                new long[]{w.size(0), delta.size(0)}, 'f');
        int g = cOrder(delta) ? TwoCoreProducts.splitGranule(w.size(0), delta.size(0), w.size(1)) : 0;
        if (g > 0) {
            TwoCoreProducts.inputGradient(w, delta, eps, g);
            return eps.transpose();
        }
        return w.mmuli(delta.transpose(), eps).transpose();
    }

    /** {@code x^T delta} into the weight-gradient view, as DL4J computes it. */
    private void weightGradient(INDArray delta, INDArray weightGrad) {
        INDArray x = input.castTo(weightGrad.dataType());
        int g = cOrder(delta) ? TwoCoreProducts.splitGranule(weightGrad.size(0), weightGrad.size(1), x.size(0)) : 0;
        if (g > 0) {
            TwoCoreProducts.weightGradient(x, delta, weightGrad, g);
        } else {
            Nd4j.gemm(x, delta, weightGrad, true, false, 1.0, 0.0);
        }
    }

    private static boolean cOrder(INDArray a) {
        return a.rank() == 2 && a.ordering() == 'c' && !a.isView();
    }

    @Override
    public void clear() {
        super.clear();
        cachedZ = null;
    }
}
