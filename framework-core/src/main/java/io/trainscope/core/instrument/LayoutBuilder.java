package io.trainscope.core.instrument;

import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.LayerKind;
import io.trainscope.api.monitor.NetworkInfo;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Collects the covered layers of a network an application built, as the readers of
 * {@code MultiLayerNetwork}s and {@code ComputationGraph}s find them, and numbers them with output
 * layers last.
 */
final class LayoutBuilder {

    /** One covered layer before numbering. */
    record Entry(String name, Layer conf, LayerKind kind, long units, boolean output,
                 org.deeplearning4j.nn.api.Layer layer, String vertex, int dl4jIndex, boolean overwritten,
                 String source) {
    }

    private final ActivationNames activations;
    private final List<Entry> hidden = new ArrayList<>();
    private final List<Entry> outputs = new ArrayList<>();
    private final List<String> notCovered = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private String loss = "";

    LayoutBuilder(ActivationNames activations) {
        this.activations = activations;
    }

    /** A covered layer, in the order the network computes it. */
    void add(Entry entry) {
        if (entry.output()) {
            outputs.add(entry);
            if (loss.isEmpty()) {
                loss = lossName(entry.conf());
            }
        } else {
            hidden.add(entry);
        }
    }

    /** A layer monitors do not see. */
    void notCovered(String name, Object conf) {
        notCovered.add(name + " (" + conf.getClass().getSimpleName() + ")");
    }

    /** The layer's name, unique in the layout: the application's, with {@code -N} added to a repeated one. */
    String unique(String name, int index) {
        String n = name == null || name.isBlank() ? "layer" + index : name;
        return names.add(n) ? n : unique(n + "-" + index, index);
    }

    UserLayout build(long inputs, long parameters, String inputName, boolean miniBatch) {
        List<Entry> all = new ArrayList<>(hidden);
        all.addAll(outputs);
        List<UserLayer> layers = new ArrayList<>();
        List<String> order = all.stream().map(Entry::name).toList();
        for (int i = 0; i < all.size(); i++) {
            Entry e = all.get(i);
            ActivationNames.Named act = activations.of(e.conf() == null ? null : LayerKinds.activation(e.conf(), e.kind()));
            long fanIn = e.conf() == null ? 0 : LayerKinds.fanIn(e.conf(), e.kind());
            LayerInfo info = new LayerInfo(i, e.name(), e.output(), fanIn, e.units(), act.name(), act.flatRegion(),
                    e.kind(), List.of(e.units()));
            layers.add(new UserLayer(info, e.layer(), e.vertex(), e.dl4jIndex(), e.overwritten(),
                    e.source() == null ? -1 : order.indexOf(e.source())));
        }
        NetworkInfo info = new NetworkInfo(layers.stream().map(UserLayer::info).toList(), inputs, parameters, loss);
        return new UserLayout(layers, info, inputName, notCovered, miniBatch);
    }

    /** trainscope's name for the loss of an output layer, else DL4J's class name in lower case. */
    static String lossName(Layer conf) {
        ILossFunction fn = conf instanceof BaseOutputLayer o ? o.getLossFn() : conf instanceof LossLayer l ? l.getLossFn() : null;
        if (fn == null) {
            return "";
        }
        if (fn instanceof LossMCXENT) {
            return "cross-entropy";
        }
        if (fn instanceof LossBinaryXENT) {
            return "binary-cross-entropy";
        }
        if (fn instanceof LossMSE) {
            return "mse";
        }
        if (fn instanceof LossMAE || fn instanceof LossL1) {
            return "mae";
        }
        return fn.getClass().getSimpleName().replaceFirst("^Loss", "").toLowerCase(Locale.ROOT);
    }
}
