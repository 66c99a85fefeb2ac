package io.trainscope.core.instrument;

import io.trainscope.api.monitor.LayerKind;
import io.trainscope.core.monitor.ForwardArrays;
import io.trainscope.core.monitor.ReusableBuffers;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The forward arrays of a network an application built. Activations are DL4J's own arrays from
 * the forward pass's list or map, except the output layers', which DL4J does not hand to
 * listeners: they are derived once per iteration, on first request, from the output layer's input
 * ({@code a = f(x W + b)}, or {@code f(x)} for a loss layer) into reused buffers.
 *
 * <p>DL4J lets a layer overwrite its input in place (an {@code ActivationLayer} applies its function
 * to it, dropout drops units of it), so the array DL4J keeps for a layer followed by such a
 * consumer holds the consumer's values; the output of a dense layer, a convolution or a batch
 * normalization is then recomputed from its own input instead (once per sampled iteration, on
 * first request). Other kinds keep DL4J's array.
 *
 * <p>Pre-activations cost nothing on iterations no monitor asks for them: DL4J is never changed to
 * keep them. On an iteration a monitor asked for {@code PRE_ACTIVATIONS}, each one is made on first
 * request: recomputed from the layer's input for dense layers and convolutions
 * ({@link PreActivations}: one GEMM, or one convolution, per layer, about that layer's share of the
 * forward pass), the layer's input itself for activation and loss layers, and the activations for
 * layers that apply no activation function (pooling, batch normalization, dropout, merge and
 * element-wise vertices). The output layers' are always available, as for networks trainscope builds.
 * Gradients with respect to pre-activations are derived after the backward pass where they can be
 * ({@link UserGradients}).
 */
final class UserForward implements ForwardArrays {

    private final UserLayout layout;
    private final ReusableBuffers z;
    private final ReusableBuffers a;
    private final boolean[] zDone;
    private final boolean[] aDone;
    private final UserGradients gradients;
    private List<INDArray> list;
    private Map<String, INDArray> map;
    private boolean armed;

    UserForward(UserLayout layout) {
        this.layout = layout;
        int n = layout.layers().size();
        this.z = new ReusableBuffers(n);
        this.a = new ReusableBuffers(n);
        this.zDone = new boolean[n];
        this.aDone = new boolean[n];
        this.gradients = new UserGradients(layout);
    }

    @Override
    public void arm() {
        armed = true;
    }

    @Override
    public void disarm() {
        armed = false;
    }

    @Override
    public void armGradients() {
        gradients.reset();
    }

    /** Derives the {@code dL/dz} DL4J's layers do not hand over ({@link UserGradients}), while the forward pass is kept. */
    @Override
    public void gradientsDone(INDArray labels, double scale) {
        if (kept()) {
            gradients.derive(labels, scale, this::anyPreActivations);
        }
    }

    @Override
    public INDArray preActivationGradient(int layer) {
        return gradients.get(layer);
    }

    /** A layer's pre-activations whether or not a monitor asked for them. */
    private INDArray anyPreActivations(int layer) {
        boolean was = armed;
        armed = true;
        try {
            return preActivations(layer);
        } finally {
            armed = was;
        }
    }

    @Override
    public void keep(List<INDArray> activations) {
        list = activations;
    }

    @Override
    public void keep(Map<String, INDArray> activations) {
        map = activations;
    }

    @Override
    public void forget() {
        list = null;
        map = null;
        Arrays.fill(zDone, false);
        Arrays.fill(aDone, false);
    }

    @Override
    public boolean kept() {
        return list != null || map != null;
    }

    @Override
    public INDArray input() {
        return list != null ? list.get(0) : map.get(layout.inputName());
    }

    @Override
    public INDArray activations(int layer) {
        UserLayer u = layout.layers().get(layer);
        if (u.info().output() || (u.overwritten() && rebuilt(u))) {
            return derived(layer, u);
        }
        return dl4j(u);
    }

    @Override
    public INDArray preActivations(int layer) {
        UserLayer u = layout.layers().get(layer);
        if (!u.info().output() && !armed) {
            return null;
        }
        LayerKind kind = u.info().kind();
        if (PreActivations.recomputed(kind)) {
            return recomputed(layer, u);
        }
        if (kind == LayerKind.ACTIVATION) {
            return activationInput(u);
        }
        return kind == LayerKind.LOSS ? u.layer().input() : activations(layer);
    }

    /** DL4J's own array of a layer's output, as its forward pass left it. */
    private INDArray dl4j(UserLayer u) {
        return list != null ? list.get(u.dl4jIndex() + 1) : map.get(u.vertex());
    }

    /** Whether trainscope recomputes a layer's output when DL4J's array was overwritten by its consumer. */
    private static boolean rebuilt(UserLayer u) {
        LayerKind kind = u.info().kind();
        return kind == LayerKind.DENSE || kind == LayerKind.CONV2D || kind == LayerKind.BATCH_NORMALIZATION;
    }

    /** A dense layer's or convolution's z, recomputed once per iteration. */
    private INDArray recomputed(int layer, UserLayer u) {
        Layer l = u.layer();
        INDArray w = l.getParam(DefaultParamInitializer.WEIGHT_KEY);
        long[] shape = u.info().kind() == LayerKind.DENSE ? new long[]{l.input().size(0), w.size(1)} : dl4j(u).shape();
        INDArray out = z.get(layer, shape, w.dataType());
        if (!zDone[layer]) {
            if (u.info().kind() == LayerKind.DENSE) {
                PreActivations.dense(l, out);
            } else {
                PreActivations.convolution(l, out);
            }
            zDone[layer] = true;
        }
        return out;
    }

    /**
     * A layer's output derived once per iteration: {@code f(z)} of an output layer (DL4J does not
     * hand it to listeners) or of a dense layer or convolution whose array its consumer overwrote,
     * a batch normalization's output recomputed from its input.
     */
    private INDArray derived(int layer, UserLayer u) {
        if (u.info().kind() == LayerKind.BATCH_NORMALIZATION) {
            INDArray like = dl4j(u);
            INDArray out = a.get(layer, like.shape(), like.dataType());
            if (!aDone[layer]) {
                PreActivations.batchNorm(u.layer(), out);
                aDone[layer] = true;
            }
            return out;
        }
        INDArray pre = u.info().kind() == LayerKind.LOSS ? u.layer().input() : recomputed(layer, u);
        INDArray out = a.get(layer, pre.shape(), pre.dataType());
        if (!aDone[layer]) {
            out.assign(pre);
            ((BaseLayer) u.layer().conf().getLayer()).getActivationFn().getActivation(out, false);
            aDone[layer] = true;
        }
        return out;
    }

    /**
     * An activation layer's input. DL4J applies the function in place to it when allowed, so the
     * array then holds the output: the input is then the output of the layer that feeds it, when
     * trainscope can tell it (a covered layer, its array intact or recomputed).
     */
    private INDArray activationInput(UserLayer u) {
        INDArray in = u.layer().input();
        if (in.data().address() != dl4j(u).data().address()) {
            return in;
        }
        if (u.source() >= 0) {
            UserLayer source = layout.layers().get(u.source());
            if (!source.overwritten() || rebuilt(source)) {
                return activations(u.source());
            }
        }
        throw new IllegalStateException("the pre-activations of '" + u.info().name() + "' are not available: DL4J "
                + "applied its activation in place to its input, and trainscope cannot recompute that input ("
                + (u.source() >= 0 ? "the output of '" + layout.layers().get(u.source()).info().name() + "'"
                : "the output of a layer it does not cover, or after a preprocessor") + ")");
    }

    @Override
    public void close() {
        z.close();
        a.close();
        gradients.close();
    }
}
