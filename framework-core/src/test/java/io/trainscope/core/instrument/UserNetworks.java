package io.trainscope.core.instrument;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Networks an application would build with DL4J's own builders, for the instrumentation tests,
 * and data for them from a seeded Java random source (the tests never touch ND4J's random
 * generator through the data).
 */
final class UserNetworks {

    /** Images of LeNet's input: 1 channel of 12 x 12. */
    static final int SIDE = 12;
    static final int CLASSES = 3;
    static final int GRAPH_INPUTS = 20;

    private UserNetworks() {
    }

    /**
     * A small LeNet: conv1 (no activation) - bn1 - act1 (relu) - pool1 - lrn (not covered) - conv2
     * (tanh, same padding) - pool2 - fc1 (relu) - drop - out (softmax).
     */
    static MultiLayerNetwork lenet(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv1").nOut(4).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().name("bn1").build())
                .layer(new ActivationLayer.Builder().name("act1").activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name("pool1").kernelSize(2, 2)
                        .stride(2, 2).build())
                .layer(new LocalResponseNormalization.Builder().name("lrn").build())
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv2").nOut(6).stride(1, 1)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.TANH).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG).name("pool2").kernelSize(2, 2)
                        .stride(2, 2).build())
                .layer(new DenseLayer.Builder().name("fc1").nOut(16).activation(Activation.RELU).build())
                .layer(new DropoutLayer.Builder(0.8).name("drop").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(SIDE, SIDE, 1))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /**
     * A residual graph: in - d1 - d2, skip = d1 + d2 (element-wise), d3 on skip, cat = merge(skip, d3),
     * out (softmax) on cat.
     */
    static ComputationGraph residual(long seed, Activation activation, WeightInit init) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(1e-3)).weightInit(init)
                .graphBuilder()
                .addInputs("in")
                .addLayer("d1", new DenseLayer.Builder().nIn(GRAPH_INPUTS).nOut(16).activation(activation).build(), "in")
                .addLayer("d2", new DenseLayer.Builder().nIn(16).nOut(16).activation(activation).build(), "d1")
                .addVertex("skip", new ElementWiseVertex(ElementWiseVertex.Op.Add), "d1", "d2")
                .addLayer("d3", new DenseLayer.Builder().nIn(16).nOut(8).activation(activation).build(), "skip")
                .addVertex("cat", new MergeVertex(), "skip", "d3")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(24).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build(), "cat")
                .setOutputs("out")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    /**
     * The deep sigmoid chain of seed 000 as a graph, with N(0, 1) weights: fourteen sigmoid layers of
     * 50 units, the last two added element-wise, and one sigmoid output unit with binary
     * cross-entropy. Its gradients vanish towards the input.
     */
    static ComputationGraph sigmoidNormal(long seed) {
        var g = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Sgd(0.1)).weightInit(new NormalDistribution(0, 1))
                .graphBuilder().addInputs("in");
        String previous = "in";
        for (int i = 1; i <= 14; i++) {
            g.addLayer("sig" + i, new DenseLayer.Builder().nIn(50).nOut(50).activation(Activation.SIGMOID).build(),
                    previous);
            previous = "sig" + i;
        }
        g.addVertex("skip", new ElementWiseVertex(ElementWiseVertex.Op.Add), "sig13", "sig14");
        g.addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(50).nOut(1)
                .activation(Activation.SIGMOID).build(), "skip");
        ComputationGraph graph = new ComputationGraph(g.setOutputs("out").build());
        graph.init();
        return graph;
    }

    /** {@code batches} batches of {@code size} examples with {@code features} N(0, 1) features and one-hot labels. */
    static List<DataSet> data(long seed, int batches, int size, int features, int classes) {
        Random random = new Random(seed);
        List<DataSet> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            float[] x = new float[size * features];
            float[] y = new float[size * classes];
            for (int i = 0; i < size; i++) {
                for (int f = 0; f < features; f++) {
                    x[i * features + f] = (float) random.nextGaussian();
                }
                y[i * classes + random.nextInt(classes)] = 1f;
            }
            INDArray features2 = Nd4j.create(x, new long[]{size, features}, 'c').castTo(DataType.FLOAT);
            out.add(new DataSet(features2, Nd4j.create(y, new long[]{size, classes}, 'c')));
        }
        return out;
    }

    /** {@code batches} batches of {@code size} examples with {@code features} N(0, 1) features and a 0/1 label. */
    static List<DataSet> binary(long seed, int batches, int size, int features) {
        Random random = new Random(seed);
        List<DataSet> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            float[] x = new float[size * features];
            float[] y = new float[size];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < size; i++) {
                y[i] = random.nextBoolean() ? 1f : 0f;
            }
            out.add(new DataSet(Nd4j.create(x, new long[]{size, features}, 'c'), Nd4j.create(y, new long[]{size, 1}, 'c')));
        }
        return out;
    }

    /** A resettable iterator over {@code data}, one batch per element. */
    static DataSetIterator iterator(List<DataSet> data) {
        return new ViewIterator(DataSet.merge(data), data.get(0).numExamples());
    }
}
