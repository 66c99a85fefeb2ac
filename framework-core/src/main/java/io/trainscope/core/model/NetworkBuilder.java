package io.trainscope.core.model;

import io.trainscope.api.activation.FlatRegion;
import io.trainscope.api.init.Fan;
import io.trainscope.api.data.ImageShape;
import io.trainscope.api.init.Initializer;
import io.trainscope.api.init.WeightRandom;
import io.trainscope.api.monitor.LayerInfo;
import io.trainscope.api.monitor.NetworkInfo;
import io.trainscope.api.plugin.Parameters;
import io.trainscope.core.config.BiasInit;
import io.trainscope.core.config.RegularizationSpec;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.config.ResolvedLayer;
import io.trainscope.core.config.ResolvedModel;
import io.trainscope.core.config.ResolvedOutputLayer;
import io.trainscope.core.plugin.Configured;
import io.trainscope.core.plugin.PluginFamily;
import io.trainscope.core.plugin.PluginRegistry;
import io.trainscope.core.training.optim.Regularizers;
import jakarta.inject.Inject;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a resolved experiment into an initialized DL4J {@link MultiLayerNetwork}: one dense (or
 * convolution) layer per weighted hidden layer, pooling layers where the config puts them, each
 * with its activation and initializer plugins (through adapters to DL4J's
 * {@code IActivation} and {@code IWeightInit}), its normalizer's layers where it places them, a
 * PReLU layer where the activation declares a learnable slope ({@link HiddenLayers}), and an
 * output layer for the task, whose initial weights are multiplied by {@code model.output.weight-scale}.
 * Biases are filled after all weights, by {@code bias-init} or the initializer's {@code fillBias}.
 * One seed gives one network.
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

    /** Builds and initializes a float32 network with the given dense-layer implementation. */
    public BuiltNetwork build(ResolvedExperiment experiment, long inputs, OutputHead head, long seed, IUpdater updater,
                              DenseImplementation dense) {
        return build(experiment, inputs, head, seed, updater, dense, DataType.FLOAT);
    }

    /**
     * Builds and initializes the network with the given dense-layer implementation and data type:
     * {@code FLOAT} for training, {@code DOUBLE} for gradient checks.
     */
    public BuiltNetwork build(ResolvedExperiment experiment, long inputs, OutputHead head, long seed, IUpdater updater,
                              DenseImplementation dense, DataType dataType) {
        return build(experiment, inputs, null, head, seed, updater, dense, dataType);
    }

    /**
     * Builds and initializes a float32 network for examples that are images of shape {@code image}
     * (null when they are not images), with the default dense-layer implementation.
     *
     * @throws io.trainscope.core.config.ConfigException when the layers do not fit the data's shape
     */
    public BuiltNetwork build(ResolvedExperiment experiment, long inputs, ImageShape image, OutputHead head, long seed,
                              IUpdater updater) {
        return build(experiment, inputs, image, head, seed, updater, DenseImplementation.REUSING, DataType.FLOAT);
    }

    /**
     * Builds and initializes the network for examples that are images of shape {@code image} (null
     * when they are not images; convolution and pooling layers need them) with the given dense-layer
     * implementation and data type.
     */
    public BuiltNetwork build(ResolvedExperiment experiment, long inputs, ImageShape image, OutputHead head, long seed,
                              IUpdater updater, DenseImplementation dense, DataType dataType) {
        ResolvedModel model = experiment.model();
        ActivationTap tap = new ActivationTap(HiddenLayers.weighted(model.layers()));
        WeightRandom random = new Nd4jWeightRandom();
        NeuralNetConfiguration.ListBuilder list = Regularizers.apply(new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater)
                .dataType(dataType)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED), experiment.spec().training().regularization())
                .list();
        RegularizationSpec regularization = experiment.spec().training().regularization();
        HiddenLayers.Appended hidden = new HiddenLayers(random, tap, dense, regularization)
                .append(list, inputs, image, model.layers());
        if (image != null && model.layers().stream().anyMatch(l -> l.type().windowed())) {
            list.setInputType(InputType.convolutionalFlat(image.rows(), image.columns(), image.channels()));
        }
        int outputIndex = hidden.next();
        long fanIn = hidden.width();
        ResolvedOutputLayer out = model.output();
        OutputLayer.Builder output = new OutputLayer.Builder(head.dl4jLoss()).nIn(fanIn).nOut(head.units())
                .activation(head.dl4jActivation())
                .weightInit(new PluginWeightInit(out.init().plugin(), out.init().params(), random));
        Regularizers.onLayer(output, regularization);
        Dropouts.onInput(output, hidden.dropout());
        list.layer(outputIndex, output.build());
        List<LayerInfo> infos = new ArrayList<>(hidden.infos());
        infos.add(new LayerInfo(infos.size(), "output", true, fanIn, head.units(), head.activation(),
                outputFlatRegion(head.activation())));
        int[] denseIndex = append(hidden.dense(), outputIndex);

        MultiLayerNetwork network = new MultiLayerNetwork(list.build());
        network.init();
        initializeBiases(network, model.output(), hidden.layers(), denseIndex, infos, random);
        network.getLayer(outputIndex).getParam(DefaultParamInitializer.WEIGHT_KEY).muli(out.weightScale());
        network.initGradientsView();
        NetworkInfo info = new NetworkInfo(infos, inputs, network.numParams(), head.loss());
        return new BuiltNetwork(network, new NetworkLayout(info, denseIndex, append(hidden.output(), outputIndex)), tap, head);
    }

    /**
     * Fills every bias after the weights, layer by layer: with the layer's {@code bias-init} when it
     * has one, else with its initializer's {@code fillBias}.
     */
    private static void initializeBiases(MultiLayerNetwork network, ResolvedOutputLayer out, List<ResolvedLayer> hidden,
                                         int[] denseIndex, List<LayerInfo> infos, WeightRandom random) {
        for (int i = 0; i < denseIndex.length; i++) {
            INDArray bias = network.getLayer(denseIndex[i]).getParam(DefaultParamInitializer.BIAS_KEY);
            if (bias == null) {
                continue;
            }
            boolean output = i == denseIndex.length - 1;
            Configured<Initializer> init = output ? out.init() : hidden.get(i).init();
            BiasInit.Configured biasInit = output ? out.biasInit() : hidden.get(i).biasInit();
            if (biasInit != null) {
                biasInit.fill(bias, random);
            } else {
                long[] shape = network.getLayer(denseIndex[i]).getParam(DefaultParamInitializer.WEIGHT_KEY).shape();
                Fan fan = shape.length == 4 ? PluginWeightInit.fan(0, 0, shape)
                        : new Fan(infos.get(i).fanIn(), infos.get(i).units());
                init.plugin().fillBias(bias, fan, init.params(), random);
            }
        }
    }

    private static int[] append(int[] values, int last) {
        int[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
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
