package io.trainscope.core.instrument;

import io.trainscope.api.monitor.LayerKind;
import io.trainscope.core.monitor.OutputGradient;
import io.trainscope.core.monitor.ReusableBuffers;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The gradients with respect to pre-activations ({@code dL/dz}) of a network an application built,
 * derived after DL4J's backward pass, since DL4J's own layers neither keep nor hand them over (and
 * trainscope never replaces the application's layers or activations to capture them):
 * <ul>
 *   <li>an output layer's: its loss's gradient with respect to its pre-activations, as DL4J's output
 *       layer computes it, from its own labels;</li>
 *   <li>a hidden layer of a {@code MultiLayerNetwork} whose next layer is a dense layer reading it
 *       directly (no preprocessor, no input dropout) that has one:
 *       {@code dL/dz = f'(z) · (dL/dz_next W_next^T)}, the activation's own backward pass on the
 *       recomputed {@code z} (a layer without an activation function passes {@code dL/da} on);</li>
 *   <li>no other layer's: a convolution or pooling layer before it, dropout, a preprocessor or a
 *       graph vertex with several consumers stops the chain.</li>
 * </ul>
 * One GEMM and one activation backward per derived hidden layer, only on iterations a monitor asks.
 */
final class UserGradients implements AutoCloseable {

    private final UserLayout layout;
    private final ReusableBuffers buffers;
    private final INDArray[] derived;

    UserGradients(UserLayout layout) {
        this.layout = layout;
        this.buffers = new ReusableBuffers(layout.layers().size());
        this.derived = new INDArray[layout.layers().size()];
    }

    /** Forgets the last iteration's gradients. */
    void reset() {
        Arrays.fill(derived, null);
    }

    /** The derived {@code dL/dz} of a layer, or null. */
    INDArray get(int layer) {
        return derived[layer];
    }

    /**
     * Derives every layer's {@code dL/dz} it can, from the output layers back.
     *
     * @param preActivations a layer's pre-activations (recomputed where DL4J keeps none), or null
     */
    void derive(INDArray labels, double scale, IntFunction<INDArray> preActivations) {
        reset();
        for (int i = layout.layers().size() - 1; i >= 0; i--) {
            UserLayer u = layout.layers().get(i);
            try {
                derived[i] = u.info().output() ? output(i, u, labels, scale, preActivations)
                        : hidden(i, u, preActivations);
            } catch (IllegalStateException e) {
                derived[i] = null; // pre-activations trainscope cannot recompute
            }
        }
    }

    private INDArray output(int i, UserLayer u, INDArray labels, double scale, IntFunction<INDArray> pre) {
        Layer conf = u.layer() == null ? null : u.layer().conf().getLayer();
        ILossFunction loss = conf instanceof BaseOutputLayer o ? o.getLossFn() : conf instanceof LossLayer l ? l.getLossFn() : null;
        INDArray own = u.layer() instanceof IOutputLayer out ? out.getLabels() : null;
        INDArray y = own != null ? own : labels;
        INDArray z = pre.apply(i);
        if (loss == null || y == null || z == null) {
            return null;
        }
        INDArray out = buffers.get(i, z.shape(), z.dataType());
        IActivation activation = LayerKinds.activation(conf, u.info().kind());
        OutputGradient.ofLoss(out, loss, activation, y, z, u.layer().getMaskArray(), scale);
        return out;
    }

    private INDArray hidden(int i, UserLayer u, IntFunction<INDArray> pre) {
        UserLayer next = next(i);
        if (next == null || derived[next.info().index()] == null) {
            return null;
        }
        INDArray after = derived[next.info().index()];
        INDArray w = next.layer().getParam(DefaultParamInitializer.WEIGHT_KEY);
        Layer conf = u.layer() == null ? null : u.layer().conf().getLayer();
        IActivation activation = conf == null ? null : LayerKinds.activation(conf, u.info().kind());
        INDArray z = activation == null ? null : pre.apply(i);
        if (activation != null && z == null) {
            return null;
        }
        INDArray out = buffers.get(i, new long[]{after.size(0), w.size(0)}, after.dataType());
        OutputGradient.scratch(out, 1.0, () -> {
            INDArray da = after.mmul(w.castTo(after.dataType()).transpose());
            return activation == null ? da : activation.backprop(z.castTo(da.dataType()).dup(), da).getFirst();
        });
        return out;
    }

    /** The dense layer that reads layer {@code i}'s output directly and alone, or null. */
    private UserLayer next(int i) {
        if (layout.graph()) {
            return null;
        }
        for (UserLayer candidate : layout.layers()) {
            if (candidate.source() == i) {
                boolean plain = candidate.info().kind() == LayerKind.DENSE && candidate.layer() != null
                        && candidate.layer().conf().getLayer().getIDropout() == null;
                return plain ? candidate : null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        buffers.close();
    }
}
