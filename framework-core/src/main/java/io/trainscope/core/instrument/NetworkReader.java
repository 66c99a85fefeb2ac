package io.trainscope.core.instrument;

import io.trainscope.api.monitor.LayerKind;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the logical layers of a network an application built ({@link UserLayout}): one per
 * covered DL4J layer ({@link LayerKinds}) of a {@code MultiLayerNetwork}, in order, or per covered
 * layer and vertex of a {@code ComputationGraph}, in DL4J's topological order; output layers last;
 * names are the application's layer (vertex) names.
 */
final class NetworkReader {

    private final ActivationNames activations;

    NetworkReader(ActivationNames activations) {
        this.activations = activations;
    }

    /** The layout of an initialized {@code MultiLayerNetwork}. */
    UserLayout read(MultiLayerNetwork net) {
        LayoutBuilder layout = new LayoutBuilder(activations);
        int n = net.getnLayers();
        long inputs = inputs(net);
        long previous = LayerKinds.inputWidth(net.getLayer(0).conf().getLayer());
        String covered = null;
        for (int i = 0; i < n; i++) {
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(i);
            Layer conf = layer.conf().getLayer();
            LayerKind kind = LayerKinds.of(conf);
            String name = layout.unique(conf.getLayerName(), i);
            if (kind == null) {
                layout.notCovered(name, conf);
                previous = conf instanceof FeedForwardLayer f && f.getNOut() > 0 ? f.getNOut() : previous;
                covered = null;
                continue;
            }
            long units = LayerKinds.units(conf, kind, List.of(previous));
            boolean output = i == n - 1 && isOutput(conf);
            boolean overwritten = i + 1 < n && LayerKinds.overwritesInput(net.getLayer(i + 1).conf().getLayer());
            String source = net.getLayerWiseConfigurations().getInputPreProcess(i) == null ? covered : null;
            layout.add(new LayoutBuilder.Entry(name, conf, kind, units, output, layer, null, i, overwritten, source));
            previous = units;
            covered = name;
        }
        return layout.build(inputs, net.numParams(), null, net.getLayerWiseConfigurations().getConf(0).isMiniBatch());
    }

    /** The layout of an initialized {@code ComputationGraph}. */
    UserLayout read(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        LayoutBuilder layout = new LayoutBuilder(activations);
        Map<String, Long> units = inputUnits(conf);
        for (int index : graph.topologicalSortOrder()) {
            org.deeplearning4j.nn.graph.vertex.GraphVertex vertex = graph.getVertices()[index];
            String name = vertex.getVertexName();
            if (vertex.isInputVertex()) {
                continue;
            }
            GraphVertex vconf = conf.getVertices().get(name);
            Layer lconf = vconf instanceof LayerVertex lv ? lv.getLayerConf().getLayer() : null;
            LayerKind kind = lconf != null ? LayerKinds.of(lconf) : LayerKinds.of(vconf);
            List<Long> in = conf.getVertexInputs().get(name).stream().map(v -> units.getOrDefault(v, 0L)).toList();
            if (kind == null) {
                layout.notCovered(name, lconf != null ? lconf : vconf);
                units.put(name, lconf instanceof FeedForwardLayer f && f.getNOut() > 0 ? f.getNOut() : first(in));
                continue;
            }
            long u = lconf != null ? LayerKinds.units(lconf, kind, in) : LayerKinds.units(null, kind, in);
            units.put(name, u);
            boolean output = conf.getNetworkOutputs().contains(name) && lconf != null && isOutput(lconf);
            List<String> inputs = conf.getVertexInputs().get(name);
            String source = inputs.size() == 1 && (!(vconf instanceof LayerVertex lv) || lv.getPreProcessor() == null)
                    ? inputs.get(0) : null;
            layout.add(new LayoutBuilder.Entry(name, lconf, kind, u, output, vertex.hasLayer() ? vertex.getLayer() : null,
                    name, -1, overwritten(conf, name), source));
        }
        String input = conf.getNetworkInputs().get(0);
        return layout.build(units.getOrDefault(input, 0L), graph.numParams(), input,
                conf.getDefaultConfiguration().isMiniBatch());
    }

    /**
     * The input features per example: the image size an {@code InputType.convolutionalFlat} input
     * is reshaped from, a first dense layer's {@code nIn}, else 0 (unknown).
     */
    private static long inputs(MultiLayerNetwork net) {
        if (net.getLayerWiseConfigurations().getInputPreProcess(0) instanceof FeedForwardToCnnPreProcessor p) {
            return p.getInputHeight() * p.getInputWidth() * p.getNumChannels();
        }
        Layer first = net.getLayer(0).conf().getLayer();
        return LayerKinds.of(first) == LayerKind.DENSE ? LayerKinds.inputWidth(first) : 0;
    }

    /** The width of each network input, from the dense layers that read it directly (0 when unknown). */
    private static Map<String, Long> inputUnits(ComputationGraphConfiguration conf) {
        Map<String, Long> units = new HashMap<>();
        conf.getVertices().forEach((name, v) -> {
            if (v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof FeedForwardLayer f
                    && LayerKinds.of(f) == LayerKind.DENSE) {
                for (String input : conf.getVertexInputs().get(name)) {
                    if (conf.getNetworkInputs().contains(input)) {
                        units.put(input, f.getNIn());
                    }
                }
            }
        });
        return new HashMap<>(units);
    }

    /** Whether a layer that reads vertex {@code name} may overwrite it in place. */
    private static boolean overwritten(ComputationGraphConfiguration conf, String name) {
        for (Map.Entry<String, List<String>> e : conf.getVertexInputs().entrySet()) {
            if (e.getValue().contains(name) && conf.getVertices().get(e.getKey()) instanceof LayerVertex lv
                    && LayerKinds.overwritesInput(lv.getLayerConf().getLayer())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutput(Layer conf) {
        return conf instanceof BaseOutputLayer || conf instanceof LossLayer;
    }

    private static long first(List<Long> values) {
        return values.isEmpty() ? 0 : values.get(0);
    }
}
