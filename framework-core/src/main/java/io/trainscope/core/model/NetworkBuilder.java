package io.trainscope.core.model;

import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.init.Fan;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.NetworkInfo;
import io.trainscope.api.normalization.Normalizer;
import io.trainscope.api.normalization.Placement;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.plugin.Configured;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.plugin.PluginRegistry;
import jakarta.inject.Inject;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a resolved experiment into an initialized DL4J {@link MultiLayerNetwork}: one dense layer
 * per hidden width with the activation and initializer plugins (through adapters to DL4J's
 * {@code IActivation} and {@code IWeightInit}), the normalizer's layers where it places them, and
 * an output layer for the task. One seed gives one network.
 */
public final class NetworkBuilder {

    private final PluginRegistry registry;

    @Inject
    public NetworkBuilder(PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * Builds and initializes the network.
     *
     * @param experiment the resolved experiment
     * @param inputs     the number of input features
     * @param head       the output layer
     * @param seed       the network seed (weights)
     * @param updater    the optimizer
     */
    public BuiltNetwork build(ResolvedExperiment experiment, long inputs, OutputHead head, long seed, IUpdater updater) {
        return build(experiment, inputs, head, seed, updater, DenseImplementation.REUSING);
    }

    /** Which layer class computes the dense layers. */
    public enum DenseImplementation {
        /** {@link ReusingDenseLayer}: DL4J's arithmetic without recomputing pre-activations (the default). */
        REUSING,
        /** DL4J's own {@code DenseLayer}, for comparisons. */
        DL4J
    }

    /** Builds and initializes the network with the given dense-layer implementation. */
    public BuiltNetwork build(ResolvedExperiment experiment, long inputs, OutputHead head, long seed, IUpdater updater,
                              DenseImplementation dense) {
        List<Integer> hidden = experiment.spec().model().hidden();
        ActivationTap tap = new ActivationTap(hidden.size());
        Configured<Initializer> init = experiment.init();
        WeightRandom random = new Nd4jWeightRandom();
        PluginWeightInit weightInit = new PluginWeightInit(init.plugin(), init.params(), random);
        Optional<Configured<Normalizer>> layerNormalizer = experiment.normalizers().stream()
                .filter(n -> !n.plugin().hiddenLayers(1, n.params()).isEmpty())
                .findFirst();

        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater)
                .dataType(DataType.FLOAT)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();

        int dl4j = 0;
        long fanIn = inputs;
        int[] denseIndex = new int[hidden.size() + 1];
        int[] outputIndex = new int[hidden.size() + 1];
        List<LayerInfo> infos = new ArrayList<>();
        FlatRegion hiddenFlat = experiment.activation().plugin().flatRegion(experiment.activation().params());
        for (int i = 0; i < hidden.size(); i++) {
            int units = hidden.get(i);
            IActivation activation = new TappedActivation(
                    new PluginActivation(experiment.activation().plugin(), experiment.activation().params()), i, tap);
            List<Layer> norm = layerNormalizer.map(n -> n.plugin().hiddenLayers(units, n.params())).orElse(List.of());
            Placement placement = layerNormalizer.map(n -> n.plugin().placement(n.params())).orElse(Placement.AFTER_ACTIVATION);
            boolean before = !norm.isEmpty() && placement == Placement.BEFORE_ACTIVATION;

            denseIndex[i] = dl4j;
            DenseLayer denseLayer = new DenseLayer.Builder().nIn(fanIn).nOut(units).weightInit(weightInit)
                    .activation(before ? new ActivationIdentity() : activation).build();
            list.layer(dl4j++, dense == DenseImplementation.REUSING ? ReusingDenseLayer.from(denseLayer, i > 0) : denseLayer);
            for (Layer layer : norm) {
                list.layer(dl4j++, layer);
            }
            if (before) {
                list.layer(dl4j++, new ActivationLayer.Builder().activation(activation).build());
            }
            outputIndex[i] = dl4j - 1;
            infos.add(new LayerInfo(i, "hidden-" + i, false, fanIn, units, experiment.activation().name(), hiddenFlat));
            fanIn = units;
        }
        denseIndex[hidden.size()] = dl4j;
        outputIndex[hidden.size()] = dl4j;
        list.layer(dl4j, new OutputLayer.Builder(head.dl4jLoss()).nIn(fanIn).nOut(head.units())
                .activation(head.dl4jActivation()).weightInit(weightInit).build());
        infos.add(new LayerInfo(hidden.size(), "output", true, fanIn, head.units(), head.activation(),
                outputFlatRegion(head.activation())));

        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        for (int i = 0; i < denseIndex.length; i++) {
            var layer = network.getLayer(denseIndex[i]);
            long in = infos.get(i).fanIn();
            long out = infos.get(i).units();
            init.plugin().fillBias(layer.getParam(DefaultParamInitializer.BIAS_KEY), new Fan(in, out), init.params(), random);
        }
        network.initGradientsView();
        NetworkInfo info = new NetworkInfo(infos, inputs, network.numParams(), head.loss());
        return new BuiltNetwork(network, new NetworkLayout(info, denseIndex, outputIndex), tap, head);
    }

    /** The flat region of the output activation, from the activation plugin of the same name when there is one. */
    private FlatRegion outputFlatRegion(String activation) {
        if (!registry.has(PluginFamily.ACTIVATION, activation)) {
            return FlatRegion.NONE;
        }
        var plugin = registry.get(PluginFamily.ACTIVATION, activation);
        return plugin.flatRegion(Parameters.defaults(plugin));
    }
}
