package io.trainscope.cli.env;

import io.trainscope.core.model.ReusingDenseLayers;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The calibration's reference network and batch: 784-256-128-10 ReLU, softmax, plain SGD, batch
 * 256 (GEMMs and ND4J's element-wise ops in the proportions of trainscope's MLPs), from a fixed
 * start on fixed data, so that probes in different JVMs train the same numbers.
 */
final class ReferenceNetwork {

    static final int BATCH = 256;
    private static final int SEED = 17;

    private ReferenceNetwork() {
    }

    /** The fixed batch; reseeds ND4J's generator. */
    static DataSet batch() {
        Nd4j.getRandom().setSeed(SEED);
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, BATCH, 10);
        for (int i = 0; i < BATCH; i++) {
            y.putScalar(i, i % 10, 1f);
        }
        return new DataSet(x, y);
    }

    /** The network, initialized; with trainscope's dense layers, or DL4J's own. */
    static MultiLayerNetwork build(boolean trainscopeLayers) {
        DenseLayer first = new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build();
        DenseLayer second = new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.RELU).build();
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(SEED).dataType(DataType.FLOAT).updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER).list()
                .layer(trainscopeLayers ? ReusingDenseLayers.of(first, false) : first)
                .layer(trainscopeLayers ? ReusingDenseLayers.of(second, true) : second)
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(128).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }
}
