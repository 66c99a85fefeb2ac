package io.trainscope.core.gradcheck;

import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.config.ResolvedLayer;
import io.trainscope.core.model.NetworkLayout;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameter tensors backpropagation trains, named in trainscope's terms: {@code hidden-0 W},
 * {@code hidden-0 b}, {@code hidden-1 batchnorm gamma}, {@code hidden-2 prelu W} (the learnable
 * slope), {@code output W}. A tensor of the layer that owns a hidden layer's weights carries the
 * layer's name; one of a layer inserted after it, the normalizer's or the activation's name.
 * BatchNorm's running mean and variance are left out: the layer updates them from batch statistics,
 * not from a gradient.
 */
final class ParameterTensors {

    /** Parameters that are not trained by backpropagation. */
    private static final Set<String> RUNNING_STATISTICS = Set.of(BatchNormalizationParamInitializer.GLOBAL_MEAN,
            BatchNormalizationParamInitializer.GLOBAL_VAR, BatchNormalizationParamInitializer.GLOBAL_LOG_STD);

    /**
     * One tensor.
     *
     * @param name  trainscope's name
     * @param key   DL4J's key in the network's parameter table ({@code 3_gamma})
     */
    record Tensor(String name, String key) {
    }

    private ParameterTensors() {
    }

    /** The trained tensors of {@code network}, in the order of its parameter table. */
    static List<Tensor> of(MultiLayerNetwork network, NetworkLayout layout, ResolvedExperiment experiment) {
        List<Tensor> tensors = new ArrayList<>();
        int[] dense = layout.dense();
        List<String> names = layout.names();
        for (int l = 0; l < dense.length; l++) {
            int end = l + 1 < dense.length ? dense[l + 1] : network.getnLayers();
            for (int i = dense[l]; i < end; i++) {
                String prefix = names.get(l) + " " + (i == dense[l] ? "" : part(network, i, experiment, l) + " ");
                for (Map.Entry<String, ?> p : network.getLayer(i).paramTable().entrySet()) {
                    if (!RUNNING_STATISTICS.contains(p.getKey())) {
                        tensors.add(new Tensor(prefix + p.getKey(), i + "_" + p.getKey()));
                    }
                }
            }
        }
        return tensors;
    }

    /** What a layer after the weights' layer is: the learnable slope of the activation, or the normalizer's layer. */
    private static String part(MultiLayerNetwork network, int i, ResolvedExperiment experiment, int logical) {
        // logical layers are the weighted ones (pooling layers have no logical layer of their own)
        List<ResolvedLayer> hidden = experiment.model().layers().stream().filter(l -> l.type().weighted()).toList();
        if (logical >= hidden.size()) {
            return network.getLayer(i).conf().getLayer().getClass().getSimpleName();
        }
        ResolvedLayer layer = hidden.get(logical);
        if (network.getLayer(i).conf().getLayer() instanceof PReLULayer) {
            return layer.activation().name();
        }
        return layer.normalizer() != null ? layer.normalizer().name()
                : network.getLayer(i).conf().getLayer().getClass().getSimpleName();
    }
}
