package io.trainscope.cli.bench;

import io.trainscope.core.model.ReusingDenseLayers;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The benchmark MLP (784-512-256-256-128-10 ReLU, softmax, SGD 0.01, batch 256) built with DL4J's
 * builders, and synthetic batches for it, for the harnesses that time bare {@code fit} outside the
 * trainer.
 */
final class BenchMlp {

    static final int BATCH = 256;

    private BenchMlp() {
    }

    /** Batch {@code i}: N(0, 1) features from ND4J's generator, labels cycling through the classes. */
    static DataSet batch(int i) {
        var y = Nd4j.zeros(DataType.FLOAT, BATCH, 10);
        for (int r = 0; r < BATCH; r++) {
            y.putScalar(r, (r * 7 + i) % 10, 1f);
        }
        return new DataSet(Nd4j.randn(DataType.FLOAT, BATCH, 784), y);
    }

    /** The network, initialized with seed 1; with trainscope's dense layers, or DL4J's own. */
    static MultiLayerNetwork network(boolean trainscopeLayers) {
        var list = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT).updater(new Sgd(0.01))
                .weightInit(WeightInit.RELU).list();
        int in = 784;
        int i = 0;
        for (int width : new int[]{512, 256, 256, 128}) {
            DenseLayer d = new DenseLayer.Builder().nIn(in).nOut(width).activation(Activation.RELU).build();
            list.layer(trainscopeLayers ? ReusingDenseLayers.of(d, i++ > 0) : d);
            in = width;
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(10)
                .activation(Activation.SOFTMAX).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
