package io.trainscope.cli.bench;

import io.trainscope.api.activation.Activation;
import io.trainscope.api.init.Initializer;
import io.trainscope.core.config.ResolvedExperiment;
import io.trainscope.core.data.PreparedData;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;

/**
 * The benchmark config's network as an application would write it with DL4J's own builders:
 * DL4J's {@code DenseLayer}s of the config's widths, DL4J's equivalents of its activation and
 * initializer (the plugins' declared equivalents; ReLU and Xavier when a plugin has none), and the
 * output layer trainscope would give the data. It is what the instrumented rows of the benchmark
 * train.
 */
final class UserNetwork {

    private UserNetwork() {
    }

    static MultiLayerNetwork build(ResolvedExperiment experiment, PreparedData data) {
        Activation activation = experiment.activation().plugin();
        Initializer init = experiment.init().plugin();
        var act = activation.dl4jEquivalent(experiment.activation().params())
                .orElse(org.nd4j.linalg.activations.Activation.RELU);
        WeightInit weights = init.dl4jEquivalent(experiment.init().params()).orElse(WeightInit.XAVIER);
        var list = new NeuralNetConfiguration.Builder()
                .seed(experiment.spec().training().seed())
                .updater(experiment.optimizer().create(experiment.optimizerParams(), null))
                .weightInit(weights)
                .list();
        long fanIn = data.inputs();
        int i = 0;
        for (int width : experiment.spec().model().hidden()) {
            list.layer(new DenseLayer.Builder().name("dense" + i++).nIn(fanIn).nOut(width).activation(act).build());
            fanIn = width;
        }
        list.layer(new OutputLayer.Builder(data.head().dl4jLoss()).name("out").nIn(fanIn).nOut(data.head().units())
                .activation(data.head().dl4jActivation()).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
