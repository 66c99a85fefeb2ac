package io.trainscope.core.instrument;

import io.trainscope.api.monitor.LayerKind;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Recomputes a layer's pre-activations from its input, for layers DL4J does not keep them for:
 * {@code z = x W + b} for a dense layer (one GEMM and a row add), the 2-D convolution of the input
 * with the layer's kernels plus its bias for a convolution (one convolution op), both into buffers
 * the caller reuses. The input is the one DL4J's forward pass gave the layer (after its
 * preprocessor and its input dropout), still held by the layer during the listener's callbacks,
 * and the weights are not yet updated: the result is the forward pass's {@code z}, up to the
 * rounding of a second computation.
 */
final class PreActivations {

    private PreActivations() {
    }

    /** {@code z = x W + b} of a dense layer into {@code z}. */
    static void dense(Layer layer, INDArray z) {
        INDArray x = layer.input();
        INDArray w = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray b = layer.getParam(DefaultParamInitializer.BIAS_KEY);
        Nd4j.gemm(x.castTo(z.dataType()), w, z, false, false, 1.0, 0.0);
        if (b != null) {
            z.addiRowVector(b);
        }
    }

    /** The convolution of a 2-D convolution layer's input with its kernels, plus its bias, into {@code z} (the output's shape). */
    static void convolution(Layer layer, INDArray z) {
        ConvolutionLayer conf = (ConvolutionLayer) layer.conf().getLayer();
        INDArray x = layer.input().castTo(z.dataType());
        INDArray w = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray b = layer.getParam(DefaultParamInitializer.BIAS_KEY);
        boolean same = conf.getConvolutionMode() == ConvolutionMode.Same;
        Conv2DConfig config = Conv2DConfig.builder()
                .kH(conf.getKernelSize()[0]).kW(conf.getKernelSize()[1])
                .sH(conf.getStride()[0]).sW(conf.getStride()[1])
                .pH(same ? 0 : conf.getPadding()[0]).pW(same ? 0 : conf.getPadding()[1])
                .dH(conf.getDilation()[0]).dW(conf.getDilation()[1])
                .paddingMode(same ? PaddingMode.SAME : PaddingMode.VALID)
                .dataFormat(conf.getCnn2dDataFormat() == CNN2DFormat.NHWC ? Conv2DConfig.NHWC : Conv2DConfig.NCHW)
                .weightsFormat(WeightsFormat.OIYX)
                .build();
        INDArray[] inputs = b == null ? new INDArray[]{x, w} : new INDArray[]{x, w, b.reshape(b.length())};
        Nd4j.exec(new Conv2D(inputs, new INDArray[]{z}, config));
    }

    /**
     * A batch normalization layer's training-mode output into {@code out}: its input normalized with
     * the batch's mean and (biased) variance per channel, {@code (x - mean) / sqrt(var + eps)}, then
     * scaled by gamma and shifted by beta. The running statistics are not touched.
     */
    static void batchNorm(Layer layer, INDArray out) {
        BatchNormalization conf = (BatchNormalization) layer.conf().getLayer();
        INDArray x = layer.input().castTo(out.dataType());
        int channel = x.rank() == 4 && conf.getCnn2DFormat() == CNN2DFormat.NHWC ? 3 : 1;
        int[] others = x.rank() == 2 ? new int[]{0} : channel == 1 ? new int[]{0, 2, 3} : new int[]{0, 1, 2};
        try (INDArray mean = x.mean(others); INDArray std = Transforms.sqrt(x.var(false, others).addi(conf.getEps()), false)) {
            out.assign(x);
            Broadcast.sub(out, mean, out, channel);
            Broadcast.div(out, std, out, channel);
            if (conf.isLockGammaBeta()) {
                out.muli(conf.getGamma()).addi(conf.getBeta());
            } else {
                Broadcast.mul(out, layer.getParam(BatchNormalizationParamInitializer.GAMMA).reshape(-1), out, channel);
                Broadcast.add(out, layer.getParam(BatchNormalizationParamInitializer.BETA).reshape(-1), out, channel);
            }
        }
    }

    /** Whether the pre-activations of a layer of this kind must be recomputed (DL4J overwrote them). */
    static boolean recomputed(LayerKind kind) {
        return kind == LayerKind.DENSE || kind == LayerKind.CONV2D;
    }
}
